// The words for a malformed configuration file, in the engine's catalogue form: the CLI prints them (exit 2), the
// language server shows them.
import { format, type Catalogue } from '../engine/messages';
import type { Locale } from '../engine/types';
import type { ConfigError } from './types';

export const configMessages: Catalogue = {
  'zh-CN': {
    'config.at': '{file}:{line}:{column}：{problem}',
    'config.json': '配置文件不是有效的 JSON（{detail}）',
    'config.notObject': '配置文件应为一个 JSON 对象 { … }',
    'config.unknownKey': '配置文件中有未知的设置项“{detail}”',
    'config.badValue': '配置文件中的取值无效，应为 {detail}',
    'config.unknownRule': '配置文件中有未知的检查项“{detail}”（各检查项的编号见说明文档）',
    'config.unreadable': '无法读取配置文件（{detail}）',
  },
  en: {
    'config.at': '{file}:{line}:{column}: {problem}',
    'config.json': 'the configuration file is not valid JSON ({detail})',
    'config.notObject': 'the configuration file should be one JSON object { … }',
    'config.unknownKey': 'unknown setting "{detail}" in the configuration file',
    'config.badValue': 'invalid value in the configuration file, expected {detail}',
    'config.unknownRule': 'unknown check "{detail}" in the configuration file (the documentation lists the checks\' ids)',
    'config.unreadable': 'cannot read the configuration file ({detail})',
  },
};

/** "gov-report.config.json:3:5：配置文件中有未知的设置项“rule”", with the file as the caller shows it. */
export function configErrorText(e: ConfigError, locale: Locale, file = e.file): string {
  const problem = format(locale, `config.${e.code}`, { detail: e.detail }, configMessages);
  return format(locale, 'config.at', { file, line: e.line, column: e.column, problem }, configMessages);
}
