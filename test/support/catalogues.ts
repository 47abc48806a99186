// Every message catalogue of the source, in one list: the catalogue test (keys used, keys present in both
// locales) and the wording test (no rule id in Chinese, no Chinese in English) read the same list, and the
// catalogue test fails when a catalogue declared in the source is missing here.
import { clientMessages } from '../../client/src/words';
import { cliMessages } from '../../server/src/cli/messages';
import { configMessages } from '../../server/src/config/messages';
import { common, type Catalogue } from '../../server/src/engine/messages';
import { sumBalanceMessages } from '../../server/src/engine/messages/balance';
import { previewMessages } from '../../server/src/engine/messages/preview';
import { skeletonMessages } from '../../server/src/engine/messages/skeleton';
import { rules } from '../../server/src/engine/rules/registry';
import { formatMessages } from '../../server/src/formats/messages';
import { lspMessages } from '../../server/src/lsp/messages';
import { summaryMessages } from '../../server/src/summary';

export const catalogues: Record<string, Catalogue> = {
  common, sumBalanceMessages, formatMessages, cliMessages, configMessages, summaryMessages, lspMessages, clientMessages,
  previewMessages, skeletonMessages,
  ...Object.fromEntries(rules.map((r) => [`rule ${r.meta.id}`, r.messages])),
};
