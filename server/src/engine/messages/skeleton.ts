// The words a new report is written with (skeleton.ts): the opening paragraph of the template and the prompts
// that stand where the writer has prose to write (in 【】, easy to find and replace); then the words of the
// new-report commands. A report is Chinese whatever the UI language, and the checks read its words (the year and
// 统计期限 of the opening, 信息处理费 in part 六): its text is not a message of the UI, so it is Chinese only.
import type { Catalogue } from './index';

/** The text of a new report, filled with fill(): Chinese whatever the UI language. */
export const reportText: Record<string, string> = {
  title: '{office}{year}年政府信息公开工作年度报告',
  intro: '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{format}要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在【网站名称】查阅，如对本报告有疑问，请与【联系部门及电话】联系。',
  'prompt.aspect': '【请填写本年度{aspect}。】',
  'prompt.part5': '【请写明本年度政府信息公开工作存在的主要问题及改进情况，本部分不得为空。】',
  'prompt.part6.T2021': '【请写明本年度信息处理费的收取情况（未收取的也应写明），以及其他需要报告的事项。】',
  'prompt.part6.T2019': '【请填写其他需要报告的事项；没有的，写明“无”。】',
  'prompt.confirm': '【下表现行有效件数沿用{lastYear}年度报告的数字，请按本年制发、废止情况核实后更新。】',
  signature: '{office}\n{nextYear}年1月　日',
};

export const skeletonMessages: Catalogue = {
  'zh-CN': {
    'layout.row-per-line': '每行一行，单元格之间用 Tab 分隔（从 Word 复制的表格即为此形式）',
    'layout.pipe': 'Markdown 表格（| 分隔）',
    'ask.office': '机关名称（写在报告标题中年度之前）',
    'ask.officeExample': '例如：某市某区某街道办事处',
    'ask.officeEmpty': '请填写机关名称',
    'ask.year': '报告年度（统计期限为该年1月1日至12月31日）',
    'ask.yearInvalid': '请填写2019年以后的年度，如 {example}',
    'ask.layout': '表格写成哪种形式？',
    'ask.lastYear': '选择上一年度的年度报告',
    'ask.reportFiles': '年度报告（文本、Markdown）',
    'done.template': '已按{template}新建{year}年度报告，请填写空白单元格和【】中的内容。',
    'done.carried': '已从上年报告带入 {n} 个数字（二、上年结转取自上年的四、结转下年度继续办理）。',
    'done.confirm': '其中现行有效件数 {n} 个沿用上年数字，已选中，请核实。',
    'done.notCarried': '上年报告中以下单元格没有数字，未能带入：{cells}',
    'error.lastYear': '无法读取上年报告：{reason}',
  },
  en: {
    'layout.row-per-line': 'A row per line, cells apart by tabs (as Word copies a table)',
    'layout.pipe': 'Markdown tables (cells apart by |)',
    'ask.office': 'Name of the office (as the report title gives it, before the year)',
    'ask.officeExample': 'e.g. “某市某区某街道办事处”',
    'ask.officeEmpty': 'Enter the name of the office',
    'ask.year': 'Report year (the statistical period is 1 January to 31 December of that year)',
    'ask.yearInvalid': 'Enter a year from 2019, e.g. {example}',
    'ask.layout': 'How should the tables be written?',
    'ask.lastYear': 'Choose last year\'s annual report',
    'ask.reportFiles': 'Annual reports (text, Markdown)',
    'done.template': 'New {year} report in {template}: fill in the blank cells and the text in “【】”.',
    'done.carried': '{n} figures carried from last year\'s report (“二、上年结转” from last year\'s “四、结转下年度继续办理”).',
    'done.confirm': '{n} of them, the “现行有效件数”, are last year\'s figures: they are selected, confirm them.',
    'done.notCarried': 'These cells of last year\'s report hold no figure and were not carried: {cells}',
    'error.lastYear': 'Last year\'s report could not be read: {reason}',
  },
};
