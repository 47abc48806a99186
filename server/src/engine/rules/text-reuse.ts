// Year against year: the share of this year's prose repeated word for word from last year's report of the same
// office. Sentences are compared after normalisation (white space, full-width forms, and the year they name, which
// changes every year); short ones ("无。") are left out. Above the threshold (`reuseThreshold`, default 50 %, the
// share some provinces' assessments deduct points for) a warning on the title gives the share and the longest
// repeated passages, which are also related locations.
import type { Range, SentenceFact } from '../types';
import type { Rule } from './rule';

export const REUSE_THRESHOLD = 0.5;
/** Below this many characters of prose there is too little to measure. */
const MIN_PROSE = 200;
const PASSAGES = 3;

interface Passage { range: Range; chars: number; head: string }

export const rule: Rule = {
  meta: {
    id: 'text-reuse', severity: 'warning', fixable: false, docs: 'docs/rules/text-reuse.md',
    name: { 'zh-CN': '与上年度报告重复', en: 'Text repeated from last year' },
    description: { 'zh-CN': '正文与上年度报告逐字重复的比例过高', en: 'Too much of the text is repeated word for word from last year\'s report' },
  },
  messages: {
    'zh-CN': {
      reused: '正文中有 {share} 的文字与上年度报告（{file}）逐字相同，超过 {threshold}；最长的重复段落：{passages}。年度报告应反映本年度的工作情况',
      passage: '“{head}……”（第 {line} 行起，{chars} 字）',
      related: '与上年度报告相同的段落（{chars} 字）',
      previous: '上年度报告',
      sep: '；',
    },
    en: {
      reused: '{share} of the text is repeated word for word from last year\'s report ({file}), more than {threshold}; the longest repeated passages: {passages}. The report should describe this year\'s work',
      passage: '“{head}…” (from line {line}, {chars} characters)',
      related: 'Passage repeated from last year\'s report ({chars} characters)',
      previous: 'Last year\'s report',
      sep: '; ',
    },
  },
  compare(ctx) {
    const before = new Set(ctx.previous.facts.sentences.map((s) => s.hash));
    const now = ctx.current.sentences;
    const total = now.reduce((n, s) => n + s.chars, 0);
    if (!before.size || total < MIN_PROSE) return;
    const repeated = now.map((s) => before.has(s.hash));
    const share = now.reduce((n, s, i) => n + (repeated[i] ? s.chars : 0), 0) / total;
    const threshold = ctx.options.reuseThreshold ?? REUSE_THRESHOLD;
    if (share <= threshold) return;
    const passages = runs(now, repeated).sort((a, b) => b.chars - a.chars).slice(0, PASSAGES);
    const percent = (x: number) => `${Math.round(x * 100)}%`;
    const list = passages.map((p) => ctx.t('passage', { head: p.head, line: p.range.start.line + 1, chars: p.chars })).join(ctx.t('sep'));
    ctx.report({
      range: ctx.current.anchor, message: 'reused',
      args: { share: percent(share), threshold: percent(threshold), file: ctx.previous.label, passages: list },
      related: [
        ...passages.map((p) => ({ range: p.range, message: ctx.t('related', { chars: p.chars }) })),
        { file: ctx.previous.file, range: ctx.previous.facts.anchor, message: ctx.t('previous') },
      ],
    });
  },
};

/** Lines between two sentences of one passage: a blank line between paragraphs, not a heading or a table. */
const MAX_GAP = 2;

/** Runs of consecutive repeated sentences (in one paragraph or adjacent ones): the passages copied whole. */
function runs(sentences: readonly SentenceFact[], repeated: readonly boolean[]): Passage[] {
  const out: Passage[] = [];
  let open: Passage | null = null;
  sentences.forEach((s, i) => {
    if (!repeated[i]) { open = null; return; }
    if (open && s.range.start.line - open.range.end.line > MAX_GAP) open = null;
    if (open) { open.range = { start: open.range.start, end: s.range.end }; open.chars += s.chars; return; }
    open = { range: s.range, chars: s.chars, head: s.head };
    out.push(open);
  });
  return out;
}
