// Why a published document could not be read, in words: one catalogue for the CLI (its one-line errors) and the
// language server ("Open as report"), so that the same file gets the same message in both.
import type { Locale } from '../engine/types';
import type { FormatErrorCode, FormatKind } from './types';

export const FORMAT_NAME_ZH: Record<FormatKind, string> = { html: '网页', docx: 'Word 文档', pdf: 'PDF 文件' };

function documentProblemZh(kind: FormatKind, code: FormatErrorCode): string {
  const format = FORMAT_NAME_ZH[kind];
  switch (code) {
    case 'tooLarge': return `${format}过大（文件、解压后的数据或文字超过上限），已停止读取`;
    case 'timeout': return `读取${format}超时，已停止`;
    case 'malformed': return `${format}已损坏，或不是有效的${format}`;
    case 'truncated': return `${format}不完整（可能下载中断）`;
    case 'encrypted': return `${format}已加密（设有密码）：请去除密码${kind === 'docx' ? '后另存为 .docx' : '后再检查'}`;
    case 'legacyFormat': return kind === 'docx' ? '加密文档或旧版 Word 97–2003（.doc）等无法读取的格式：请另存为 .docx' : `无法读取此${format}`;
    case 'noText': return `${format}中没有可读取的文字`;
    case 'notReport': return `不像是年度报告：${format}中没有表格`;
  }
}

export const FORMAT_NAME_EN: Record<FormatKind, string> = { html: 'web page', docx: 'Word document', pdf: 'PDF file' };

function documentProblemEn(kind: FormatKind, code: FormatErrorCode): string {
  const format = FORMAT_NAME_EN[kind];
  switch (code) {
    case 'tooLarge': return `${format} too large (file, decompressed data or text over the limit); reading stopped`;
    case 'timeout': return `reading the ${format} took too long; stopped`;
    case 'malformed': return `damaged, or not a valid ${format}`;
    case 'truncated': return `the ${format} is cut short (an interrupted download?)`;
    case 'encrypted': return `the ${format} is encrypted (password-protected): remove the password${kind === 'docx' ? ' and save as .docx' : ' first'}`;
    case 'legacyFormat': return kind === 'docx' ? 'encrypted, or an old Word 97-2003 .doc or another format not read here: save it as .docx' : `this ${format} cannot be read`;
    case 'noText': return `no text to read in the ${format}`;
    case 'notReport': return `does not look like a report: no table in the ${format}`;
  }
}

/** The problem of a FormatError in the given locale, with its technical detail in brackets when there is one. */
export function documentProblem(locale: Locale, kind: FormatKind, code: FormatErrorCode, detail: string): string {
  return locale === 'en'
    ? `${documentProblemEn(kind, code)}${detail ? ` (${detail})` : ''}`
    : `${documentProblemZh(kind, code)}${detail ? `（${detail}）` : ''}`;
}
