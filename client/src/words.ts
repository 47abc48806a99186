// The client's words as a catalogue (no vscode import, so that tests can read it); messages.ts looks them up.
import type { Catalogue } from '../../server/src/engine/messages';

export const clientMessages: Catalogue = {
  'zh-CN': {
    pasteAsReportText: '粘贴为报告文本（表格每行一行，Tab 分隔）',
    openFailed: '无法将 {name} 作为报告打开：检查服务没有回应',
    noDocument: '请先在资源管理器中选择网页（.html、.htm）、Word 文档（.docx）或 PDF 文件',
    'offer.message': '“{name}”像是一份政府信息公开工作年度报告，要检查它吗？',
    'offer.check': '检查',
    'offer.never': '不再提示',
    nothingToFix: '本文档没有可自动修正的问题',
  },
  en: {
    pasteAsReportText: 'Paste as report text (one table row per line, tab-separated)',
    openFailed: 'Cannot open {name} as a report: the checking service did not answer',
    noDocument: 'Select a web page (.html, .htm), Word document (.docx) or PDF file in the Explorer first',
    'offer.message': '“{name}” looks like an annual government-information-disclosure report. Check it?',
    'offer.check': 'Check',
    'offer.never': 'Do not ask again',
    nothingToFix: 'Nothing in this document can be fixed with certainty',
  },
};
