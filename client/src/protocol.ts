// The language server's requests of its own that the client sends (server/src/lsp/documents.ts defines them;
// the shapes are repeated here because the client is built apart from the server).

export const EXTRACT_REQUEST = 'govReport/extract';
export const HTML_TO_TEXT_REQUEST = 'govReport/htmlToText';

export interface ExtractParams { uri: string }

/** The text read from a saved web page, Word document or PDF, or a one-line reason (in the user's language). */
export type ExtractResult =
  | { ok: true; kind: 'html' | 'docx' | 'pdf'; text: string }
  | { ok: false; code: string; message: string };

export interface HtmlToTextParams { html: string }

/** Clipboard HTML as report text, or null when it holds no table. */
export type HtmlToTextResult = { text: string } | null;
