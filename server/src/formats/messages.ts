// Why a published document could not be read, in words: one catalogue for the CLI (its one-line errors) and the
// language server ("Open as report"), so that the same file gets the same message in both.
import { format, type Catalogue } from '../engine/messages';
import type { Locale } from '../engine/types';
import type { FormatErrorCode, FormatKind } from './types';

export const formatMessages: Catalogue = {
  'zh-CN': {
    'formatName.html': '网页',
    'formatName.docx': 'Word 文档',
    'formatName.pdf': 'PDF 文件',
    'problem.tooLarge': '{format}过大（文件、解压后的数据或文字超过上限），已停止读取',
    'problem.timeout': '{format}读取超时，已停止',
    'problem.malformed': '{format}已损坏或格式无效',
    'problem.truncated': '{format}不完整（可能下载中断）',
    'problem.encrypted.docx': '{format}已加密（设有密码）：请去除密码后另存为 .docx',
    'problem.encrypted.pdf': '{format}已加密（设有密码）：请去除密码后再检查',
    'problem.encrypted.html': '{format}已加密（设有密码）：请去除密码后再检查',
    'problem.legacyFormat.docx': '加密文档或旧版 Word 97–2003（.doc）等无法读取的格式：请另存为 .docx',
    'problem.legacyFormat.pdf': '{format}的格式无法读取',
    'problem.legacyFormat.html': '{format}的格式无法读取',
    'problem.noText': '{format}中没有可读取的文字',
    'problem.notReport': '不像是年度报告：{format}中没有表格',
    'problem.detail': '{problem}（{detail}）',
    'document.problem': '{file}：{problem}',
    'document.notFound': '文件不存在',
    'document.unreadable': '无法读取（{detail}）',
    'document.notFile': '不是文件，无法读取',
    'document.notDocument': '不是网页、Word 文档（.docx）或 PDF 文件，无法作为报告打开',
  },
  en: {
    'formatName.html': 'web page',
    'formatName.docx': 'Word document',
    'formatName.pdf': 'PDF file',
    'problem.tooLarge': '{format} too large (file, decompressed data or text over the limit); reading stopped',
    'problem.timeout': 'reading the {format} took too long; stopped',
    'problem.malformed': 'damaged, or not a valid {format}',
    'problem.truncated': 'the {format} is cut short (an interrupted download?)',
    'problem.encrypted.docx': 'the {format} is encrypted (password-protected): remove the password and save as .docx',
    'problem.encrypted.pdf': 'the {format} is encrypted (password-protected): remove the password first',
    'problem.encrypted.html': 'the {format} is encrypted (password-protected): remove the password first',
    'problem.legacyFormat.docx': 'encrypted, or an old Word 97-2003 .doc or another format not read here: save it as .docx',
    'problem.legacyFormat.pdf': 'this {format} cannot be read',
    'problem.legacyFormat.html': 'this {format} cannot be read',
    'problem.noText': 'no text to read in the {format}',
    'problem.notReport': 'does not look like a report: no table in the {format}',
    'problem.detail': '{problem} ({detail})',
    'document.problem': '{file}: {problem}',
    'document.notFound': 'no such file',
    'document.unreadable': 'cannot read ({detail})',
    'document.notFile': 'not a file: it cannot be read',
    'document.notDocument': 'not a web page, Word document (.docx) or PDF file: it cannot be opened as a report',
  },
};

/** Problems whose advice depends on the kind of document. */
const BY_KIND = new Set<FormatErrorCode>(['encrypted', 'legacyFormat']);

/** What a web page, Word document or PDF is called in messages. */
export function formatName(locale: Locale, kind: FormatKind): string {
  return format(locale, `formatName.${kind}`, {}, formatMessages);
}

/** The problem of a FormatError in the given locale, with its technical detail in brackets when there is one. */
export function documentProblem(locale: Locale, kind: FormatKind, code: FormatErrorCode, detail: string): string {
  const key = BY_KIND.has(code) ? `problem.${code}.${kind}` : `problem.${code}`;
  const problem = format(locale, key, { format: formatName(locale, kind) }, formatMessages);
  return detail ? format(locale, 'problem.detail', { problem, detail }, formatMessages) : problem;
}
