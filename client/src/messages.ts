// The client's own words (the paste option, notifications): zh-CN by default, English when govReport.locale or,
// with `auto`, the VS Code display language says so, as the server chooses for findings. Command titles are in
// package.nls*.json.
import * as vscode from 'vscode';

const zh = {
  pasteAsReportText: '粘贴为报告文本（表格每行一行，Tab 分隔）',
  openFailed: (name: string) => `无法将 ${name} 作为报告打开：语言服务器没有回应`,
  noDocument: '请先在资源管理器中选择网页（.html、.htm）、Word 文档（.docx）或 PDF 文件',
};

type Messages = typeof zh;

const en: Messages = {
  pasteAsReportText: 'Paste as report text (one table row per line, tab-separated)',
  openFailed: (name) => `Cannot open ${name} as a report: the language server did not answer`,
  noDocument: 'Select a web page (.html, .htm), Word document (.docx) or PDF file in the Explorer first',
};

export function messages(): Messages {
  const setting = vscode.workspace.getConfiguration('govReport').get<string>('locale');
  const locale = setting === 'zh-CN' || setting === 'en' ? setting : /^en/i.test(vscode.env.language) ? 'en' : 'zh-CN';
  return locale === 'en' ? en : zh;
}
