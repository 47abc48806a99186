// The language server's own words (beyond findings, hovers and fixes, which the engine words): in the engine's
// catalogue form, read through its `format`.
import type { Catalogue } from '../engine/messages';

export const lspMessages: Catalogue = {
  'zh-CN': {
    'workspace.progress': 'gov-report：正在检查工作区中的报告',
    'document.progress': 'gov-report：正在检查 {name}',
  },
  en: {
    'workspace.progress': 'gov-report: checking the workspace\'s reports',
    'document.progress': 'gov-report: checking {name}',
  },
};
