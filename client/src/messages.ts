// The client's own words (the paste option, notifications): zh-CN by default, English when govReport.locale or,
// with `auto`, the VS Code display language says so, as the server chooses for findings. Command titles are in
// package.nls*.json.
import * as vscode from 'vscode';
import type { Locale } from '../../server/src/engine/types';
import { localeOf } from '../../server/src/lsp/settings';

const zh = {
  pasteAsReportText: '粘贴为报告文本（表格每行一行，Tab 分隔）',
  openFailed: (name: string) => `无法将 ${name} 作为报告打开：语言服务器没有回应`,
  noDocument: '请先在资源管理器中选择网页（.html、.htm）、Word 文档（.docx）或 PDF 文件',
  template: (t: 'T2019' | 'T2021' | null): string => (t === 'T2019' ? '2019年版格式' : t === 'T2021' ? '2021年版格式' : '格式未定'),
  counts: (e: number, w: number) => `错误 ${e} · 警告 ${w}`,
  year: (y: number | null) => (y === null ? '年度未知' : `${y}年度`),
  noOffice: '（标题中没有机关名称）',
  findings: (n: number) => `问题（${n}）`,
  previousYear: (label: string) => `上年度报告：${label}`,
  openInEditor: '正在编辑',
  statusTooltip: (office: string, year: string, label: string) => `${office} ${year}\n${label}\n单击打开“问题”面板`,
  summaryWritten: (file: string) => `报告汇总表已写入 ${file}`,
  summaryNoFolder: '请先打开包含报告的文件夹',
  summaryEmpty: '工作区中没有找到报告',
};

type Messages = typeof zh;

const en: Messages = {
  pasteAsReportText: 'Paste as report text (one table row per line, tab-separated)',
  openFailed: (name) => `Cannot open ${name} as a report: the language server did not answer`,
  noDocument: 'Select a web page (.html, .htm), Word document (.docx) or PDF file in the Explorer first',
  template: (t) => (t === 'T2019' ? '2019 template' : t === 'T2021' ? '2021 template' : 'template unknown'),
  counts: (e, w) => `${e} error${e === 1 ? '' : 's'} · ${w} warning${w === 1 ? '' : 's'}`,
  year: (y) => (y === null ? 'year unknown' : String(y)),
  noOffice: '(no office in the title)',
  findings: (n) => `Problems (${n})`,
  previousYear: (label) => `Last year: ${label}`,
  openInEditor: 'being edited',
  statusTooltip: (office, year, label) => `${office} ${year}\n${label}\nClick to open the Problems panel`,
  summaryWritten: (file) => `Summary of the reports written to ${file}`,
  summaryNoFolder: 'Open a folder of reports first',
  summaryEmpty: 'No report found in the workspace',
};

/** The language of the extension's own words: govReport.locale, or with `auto` the display language, as the server. */
export function uiLocale(): Locale {
  const setting = vscode.workspace.getConfiguration('govReport').get<string>('locale');
  return setting === 'zh-CN' || setting === 'en' ? setting : localeOf(vscode.env.language);
}

export function messages(): Messages {
  return uiLocale() === 'en' ? en : zh;
}
