// The client's own words (the paste option, notifications), in the engine's catalogue form and read through its
// `format`: Chinese by default, English when govReport.locale says so, or with `auto` when VS Code's display
// language is English, as the server chooses for findings. Command titles are in package.nls*.json.
import * as vscode from 'vscode';
import { format, type Args, type Catalogue } from '../../server/src/engine/messages';
import type { Locale } from '../../server/src/engine/types';

export const clientMessages: Catalogue = {
  'zh-CN': {
    pasteAsReportText: '粘贴为报告文本（表格每行一行，Tab 分隔）',
    openFailed: '无法将 {name} 作为报告打开：检查服务没有回应',
    noDocument: '请先在资源管理器中选择网页（.html、.htm）、Word 文档（.docx）或 PDF 文件',
  },
  en: {
    pasteAsReportText: 'Paste as report text (one table row per line, tab-separated)',
    openFailed: 'Cannot open {name} as a report: the checking service did not answer',
    noDocument: 'Select a web page (.html, .htm), Word document (.docx) or PDF file in the Explorer first',
  },
};

/** The locale the user asked for: govReport.locale, `auto` following VS Code's display language. */
export function clientLocale(): Locale {
  const setting = vscode.workspace.getConfiguration('govReport').get<string>('locale');
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return setting === 'auto' && /^en/i.test(vscode.env.language) ? 'en' : 'zh-CN';
}

/** A message of the client's catalogue in the user's locale. */
export function t(key: string, args?: Args): string {
  return format(clientLocale(), key, args, clientMessages);
}
