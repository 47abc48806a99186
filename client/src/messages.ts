// The client's own words (the paste option, notifications), in the engine's catalogue form and read through its
// `format`: Chinese by default, English when govReport.locale says so, or with `auto` when VS Code's display
// language is English, as the server chooses for findings. Command titles are in package.nls*.json.
import * as vscode from 'vscode';
import { format, localeOf, type Args } from '../../server/src/engine/messages';
import type { Locale } from '../../server/src/engine/types';
import { CONFIG_SECTION } from '../../server/src/protocol';
import { clientMessages } from './words';

/** The language of the extension's own words: govReport.locale (Chinese by default), `auto` following VS Code's display language, as the server. */
export function uiLocale(): Locale {
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('locale');
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return setting === 'auto' ? localeOf(vscode.env.language) : 'zh-CN';
}

/** A message of the client's catalogue in the user's locale. */
export function t(key: string, args?: Args): string {
  return format(uiLocale(), key, args, clientMessages);
}
