// The words a new report is written with (skeleton.ts): the opening paragraph of the template and the prompts
// that stand where the writer has prose to write. Prompts are in 【】 so that they are easy to find and replace.
// The title, opening paragraph and signature are the report's own Chinese text in every locale (format() falls
// back to zh-CN), since the parser reads the year and 统计期限 from them.
import type { Catalogue } from './index';

export const skeletonMessages: Catalogue = {
  'zh-CN': {
    title: '{office}{year}年政府信息公开工作年度报告',
    intro: '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{format}要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在【网站名称】查阅，如对本报告有疑问，请与【联系部门及电话】联系。',
    'prompt.aspect': '【请填写本年度{aspect}。】',
    'prompt.part5': '【请写明本年度政府信息公开工作存在的主要问题及改进情况，本部分不得为空。】',
    'prompt.part6.T2021': '【请写明本年度信息处理费的收取情况（未收取的也应写明），以及其他需要报告的事项。】',
    'prompt.part6.T2019': '【请填写其他需要报告的事项；没有的，写明“无”。】',
    'prompt.confirm': '【下表现行有效件数沿用{lastYear}年度报告的数字，请按本年制发、废止情况核实后更新。】',
    signature: '{office}\n{nextYear}年1月　日',
    'layout.row-per-line': '每行一行，单元格之间用 Tab 分隔（从 Word 复制的表格即为此形式）',
    'layout.pipe': 'Markdown 表格（| 分隔）',
  },
  en: {
    'layout.row-per-line': 'A row per line, cells apart by tabs (as Word copies a table)',
    'layout.pipe': 'Markdown tables (cells apart by |)',
    'prompt.aspect': '【Write this year\'s {aspect} here.】',
    'prompt.part5': '【Write the main problems of this year\'s disclosure work and how they were addressed; this part must not be empty.】',
    'prompt.part6.T2021': '【State the information-processing fees charged this year (or that none were), and any other matters to report.】',
    'prompt.part6.T2019': '【Other matters to report; write “无” if there are none.】',
    'prompt.confirm': '【The 现行有效件数 below are carried from the {lastYear} report: confirm them against this year\'s 制发 and 废止.】',
  },
};
