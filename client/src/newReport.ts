// "New annual report…" and "…from last year's report": ask for the office, the year and the table layout, then
// open the skeleton the language server writes (govReport/skeleton) in a new editor. From last year, the figures
// carried to confirm are selected. Arguments given to the command skip the questions (tests, keybindings).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { format, list } from '../../server/src/engine/messages';
import { skeletonMessages } from '../../server/src/engine/messages/skeleton';
import type { Locale, Skeleton, SkeletonLayout } from '../../server/src/engine';
import { IDENTIFY_REQUEST, LANGUAGE_ID, SKELETON_REQUEST, type SkeletonParams } from '../../server/src/protocol';

export interface NewReportArgs { office?: string; year?: number; layout?: SkeletonLayout; lastYear?: string }

const FIRST_YEAR = 2019;

export async function newReport(client: LanguageClient, locale: Locale, args: NewReportArgs = {}, fromLastYear = false): Promise<vscode.Uri | undefined> {
  const t = (key: string, a?: Record<string, string | number>) => format(locale, key, a, skeletonMessages);
  let lastYear: { text: string } | undefined;
  let defaults: { office: string | null; year: number | null } = { office: null, year: null };
  if (fromLastYear) {
    const uri = args.lastYear ? vscode.Uri.parse(args.lastYear) : await pickLastYear(t);
    if (!uri) return undefined;
    try {
      lastYear = { text: (await vscode.workspace.openTextDocument(uri)).getText() };
    } catch (err) {
      void vscode.window.showErrorMessage(t('error.lastYear', { reason: err instanceof Error ? err.message : String(err) }));
      return undefined;
    }
    defaults = await client.sendRequest(IDENTIFY_REQUEST, lastYear);
  }
  const office = args.office ?? await vscode.window.showInputBox({
    title: t('ask.office'), placeHolder: t('ask.officeExample'), value: defaults.office ?? '', ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? null : t('ask.officeEmpty')),
  });
  if (!office?.trim()) return undefined;
  const year = args.year ?? await askYear(t, defaults.year !== null ? defaults.year + 1 : new Date().getFullYear() - 1);
  if (year === undefined) return undefined;
  const layout = args.layout ?? (await vscode.window.showQuickPick((['row-per-line', 'pipe'] as const).map((l) => ({ label: t(`layout.${l}`), layout: l })), { title: t('ask.layout'), ignoreFocusOut: true }))?.layout;
  if (!layout) return undefined;
  const s = await client.sendRequest<Skeleton>(SKELETON_REQUEST, { office: office.trim(), year, layout, lastYear } satisfies SkeletonParams);
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: s.text });
  const editor = await vscode.window.showTextDocument(doc);
  tell(editor, s, year, locale, t);
  return doc.uri;
}

async function pickLastYear(t: (key: string) => string): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const picked = await vscode.window.showOpenDialog({
    title: t('ask.lastYear'), openLabel: t('ask.lastYear'), canSelectMany: false,
    filters: { [t('ask.reportFiles')]: ['txt', 'md'] },
    ...(active?.scheme === 'file' ? { defaultUri: active } : {}),
  });
  return picked?.[0];
}

async function askYear(t: (key: string, a?: Record<string, string | number>) => string, suggested: number): Promise<number | undefined> {
  const last = new Date().getFullYear() + 1;
  const answer = await vscode.window.showInputBox({
    title: t('ask.year'), value: String(suggested), ignoreFocusOut: true,
    validateInput: (v) => {
      const n = Number(v.trim());
      return Number.isInteger(n) && n >= FIRST_YEAR && n <= last ? null : t('ask.yearInvalid', { example: suggested });
    },
  });
  return answer === undefined ? undefined : Number(answer.trim());
}

/** Say what was written; select the carried figures the writer has to confirm. */
function tell(editor: vscode.TextEditor, s: Skeleton, year: number, locale: Locale, t: (key: string, a?: Record<string, string | number>) => string): void {
  const confirm = s.carried.filter((c) => c.confirm);
  if (confirm.length) {
    editor.selections = confirm.map((c) => new vscode.Selection(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character));
    editor.revealRange(editor.selections[0], vscode.TextEditorRevealType.InCenter);
  }
  const lines = [t('done.template', { template: format(locale, `template.${s.template}`), year })];
  if (s.carried.length) lines.push(t('done.carried', { n: s.carried.length }));
  if (confirm.length) lines.push(t('done.confirm', { n: confirm.length }));
  void vscode.window.showInformationMessage(lines.join(' '));
  if (s.notCarried.length) void vscode.window.showWarningMessage(t('done.notCarried', { cells: list(locale, s.notCarried) }));
}
