// T2019 (国办公开办函〔2019〕60号, report years 2019–2020) and T2021 (国办公开办函〔2021〕30号, 2021 onward)
// as data. Articles are of the 2019 条例 (spec §9). What the two versions share is written once below.
import type { CarryDef, ColumnDef, ColumnGroupDef, EquationDef, PartDef, Provision, RowDef, SectionDef, TableDef, TemplateDef, Text } from './types';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
/** Article `article` of the 条例, items （一）（二）… of it. */
const art = (article: number, ...items: number[]): Provision => ({ article, ...(items.length ? { items } : {}) });
/** Paragraph (款) `paragraph` of article `article`. */
const para = (article: number, paragraph: number): Provision => ({ article, paragraph });

// ------------------------------------------------------------------ parts (the same in both versions but for part 二's items)

const parts = (v: 'T2019' | 'T2021'): PartDef[] => [
  { number: 1, heading: '一、总体情况', variants: ['总体情况'], keys: ['总体', '概述'],
    explain: t('概述本年度政府信息公开工作：主动公开、依申请公开、政府信息管理、平台建设、监督保障等。', 'Overview of the year\'s disclosure work: proactive and on-request disclosure, information management, platforms, oversight.'), article: [art(50)],
    subHeadings: ['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）平台建设情况', '（五）监督保障情况'] },
  { number: 2, heading: '二、主动公开政府信息情况', variants: ['行政机关主动公开政府信息情况'], keys: ['主动公开'],
    explain: v === 'T2021'
      ? t('按《条例》第二十条第（一）（五）（六）（八）项统计本年度主动公开的政府信息。', 'Information disclosed proactively this year, by items (1), (5), (6) and (8) of Article 20.')
      : t('按《条例》第二十条第（一）（五）（六）（八）（九）项统计本年度主动公开的政府信息。', 'Information disclosed proactively this year, by items (1), (5), (6), (8) and (9) of Article 20.'),
    article: [art(50, 1)] },
  { number: 3, heading: '三、收到和处理政府信息公开申请情况', variants: ['行政机关收到和处理政府信息公开申请情况'], keys: ['申请'],
    explain: t('本年度收到和处理的政府信息公开申请，按申请人情况分列统计。', 'Applications received and handled this year, by kind of applicant.'), article: [art(50, 2)] },
  { number: 4, heading: '四、政府信息公开行政复议、行政诉讼情况', variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '因政府信息公开被申请行政复议、提起行政诉讼情况'], keys: ['复议', '诉讼'],
    explain: t('因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', 'Administrative reconsideration and litigation about disclosure work.'), article: [art(50, 3)] },
  { number: 5, heading: '五、存在的主要问题及改进情况', variants: ['政府信息公开工作存在的主要问题及改进情况', '存在主要问题及改进情况', '存在的主要问题和改进情况'], keys: ['问题', '改进'],
    explain: t('工作中存在的主要问题及改进情况，不得为空。', 'Main problems and improvements; must not be empty.'), article: [art(50, 4)] },
  { number: 6, heading: '六、其他需要报告的事项', variants: ['其他需要报告事项'], keys: ['其他', '事项'],
    explain: t('其他需要报告的事项；2021年版格式要求说明信息处理费收取情况。', 'Other matters; under the 2021 template, the information-processing fees charged.'), article: [art(50, 5)] },
];

// ------------------------------------------------------------------ table 二 (主动公开): differs by version

const sec20 = (n: string, zh: string, en: string): SectionDef => ({
  id: `active.20-${n}`,
  label: `第二十条第（${['', '一', '二', '三', '四', '五', '六', '七', '八', '九'][Number(n)]}）项`,
  keys: [`第二十条第(${['', '一', '二', '三', '四', '五', '六', '七', '八', '九'][Number(n)]})项`],
  explain: t(zh, en), article: [art(20, Number(n))],
});

const activeSections2021: SectionDef[] = [
  sec20('1', '行政法规、规章和规范性文件。', 'Administrative regulations, rules and normative documents.'),
  sec20('5', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。', 'Licensing and other external services: basis, conditions, procedure, results.'),
  sec20('6', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定。', 'Penalties and enforcement: basis, conditions, procedure and decisions of public impact.'),
  sec20('8', '行政事业性收费项目及其依据、标准。', 'Administrative fees, their basis and rates.'),
];
const activeSections2019: SectionDef[] = [
  ...activeSections2021,
  sec20('9', '政府集中采购项目的目录、标准及实施情况。', 'Centralised government procurement: catalogue, standards, implementation.'),
];

const count = (id: string, label: string, zh: string, en: string, aliases?: string[]): ColumnDef => ({ id, label, kind: 'count', explain: t(zh, en), ...(aliases ? { aliases } : {}) });

const activeColumns2021: Record<string, ColumnDef[]> = {
  'active.20-1': [
    count('made', '本年制发件数', '本年度制定发布的件数。', 'Number made and issued this year.'),
    count('repealed', '本年废止件数', '本年度废止的件数。', 'Number repealed this year.'),
    count('in-force', '现行有效件数', '截至年底现行有效的件数。', 'Number in force at year end.'),
  ],
  'active.20-5': [count('decisions', '本年处理决定数量', '本年度作出的处理决定数量。', 'Decisions made this year.')],
  'active.20-6': [count('decisions', '本年处理决定数量', '本年度作出的处理决定数量。', 'Decisions made this year.')],
  'active.20-8': [{ id: 'fee-amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额'], kind: 'money',
    explain: t('本年度收取的行政事业性收费金额，单位万元，可有小数。', 'Administrative fees collected this year, in 10,000 yuan; decimals allowed.') }],
};
const itemColumns = (withDecisions: boolean): ColumnDef[] => [
  count('prev-items', '上一年项目数量', '上一年度的项目数量。', 'Number of items in the previous year.'),
  { id: 'change', label: '本年增/减', aliases: ['本年增减'], kind: 'signed', explain: t('本年度增加或减少的项目数量，可为负数或带“+”号。', 'Items added or removed this year; may be negative or carry "+".') },
  ...(withDecisions ? [count('decisions', '处理决定数量', '本年度作出的处理决定数量。', 'Decisions made this year.')] : []),
];
const activeColumns2019: Record<string, ColumnDef[]> = {
  'active.20-1': [
    count('new-made', '本年新制作数量', '本年度新制作的件数。', 'Number newly made this year.'),
    count('new-published', '本年新公开数量', '本年度新公开的件数。', 'Number newly published this year.'),
    count('total-published', '对外公开总数量', '累计对外公开的总件数。', 'Total number published.'),
  ],
  'active.20-5': itemColumns(true),
  'active.20-6': itemColumns(true),
  'active.20-8': itemColumns(false),
  'active.20-9': [
    count('procurement-items', '采购项目数量', '政府集中采购项目数量。', 'Number of procurement projects.'),
    { id: 'procurement-amount', label: '采购总金额', kind: 'money', explain: t('政府集中采购总金额，可有小数和单位（元、万元）。', 'Total procurement amount; decimals and units (“元”, “万元”) allowed.') },
  ],
};

const row = (id: string, label: string, keys: string[], section: string | null, columns: string, article: Provision[], zh: string, en: string, extra: Partial<RowDef> = {}): RowDef =>
  ({ id, label, keys, section, columns, article, explain: t(zh, en), ...extra });

const activeRows = (v: 'T2019' | 'T2021'): RowDef[] => [
  row('active.regulations', '规章', ['规章'], 'active.20-1', 'active.20-1', [art(20, 1)],
    v === 'T2021' ? '本机关制定的规章：本年制发、本年废止、年底现行有效件数。只有具有规章制定权的机关才有规章。' : '本机关制定的规章：本年新制作、新公开、对外公开总数量。只有具有规章制定权的机关才有规章。',
    'Rules made by this organ (only organs with rule-making power have them).', { exactOnly: false }),
  row('active.normative', v === 'T2021' ? '行政规范性文件' : '规范性文件', v === 'T2021' ? ['行政规范性文件'] : ['规范性文件'], 'active.20-1', 'active.20-1', [art(20, 1)],
    '本机关制定的（行政）规范性文件。', 'Normative documents made by this organ.'),
  row('active.licensing', '行政许可', ['行政许可'], 'active.20-5', 'active.20-5', [art(20, 5)],
    v === 'T2021' ? '本年度作出的行政许可处理决定数量。' : '行政许可的项目数量、增减及处理决定数量。', 'Licensing decisions (T2019: items, change and decisions).'),
  ...(v === 'T2019' ? [row('active.other-services', '其他对外管理服务事项', ['其他对外管理服务事项', '对外管理服务'], 'active.20-5', 'active.20-5', [art(20, 5)],
    '其他对外管理服务事项的项目数量、增减及处理决定数量。', 'Other external management services: items, change, decisions.')] : []),
  row('active.penalty', '行政处罚', ['行政处罚'], 'active.20-6', 'active.20-6', [art(20, 6)], '行政处罚决定数量。', 'Administrative penalty decisions.'),
  row('active.enforcement', '行政强制', ['行政强制'], 'active.20-6', 'active.20-6', [art(20, 6)], '行政强制决定数量。', 'Administrative enforcement decisions.'),
  row('active.fees', '行政事业性收费', ['行政事业性收费', '事业性收费'], 'active.20-8', 'active.20-8', [art(20, 8)],
    v === 'T2021' ? '本机关行政事业性收费的本年收费金额（万元）。不是信息处理费。' : '行政事业性收费的项目数量及增减。不是信息处理费。',
    'The organ\'s administrative fees (T2021: amount collected, 10,000 yuan). Not the information-processing fee.'),
  ...(v === 'T2019' ? [row('active.procurement', '政府集中采购', ['政府集中采购', '集中采购'], 'active.20-9', 'active.20-9', [art(20, 9)],
    '政府集中采购项目数量及采购总金额。', 'Centralised procurement: number of projects and total amount.')] : []),
];

const activeTable = (v: 'T2019' | 'T2021'): TableDef => ({
  id: 'active', part: 2, title: t('主动公开政府信息情况', 'Proactive disclosure'),
  columnSets: v === 'T2021' ? activeColumns2021 : activeColumns2019,
  corner: '信息内容',
  sections: v === 'T2021' ? activeSections2021 : activeSections2019,
  rows: activeRows(v),
});

// ------------------------------------------------------------------ table 三 (依申请公开): shared but for （六）

const applicantColumns: ColumnDef[] = [
  count('natural', '自然人', '自然人提出的申请。', 'Applications by natural persons.'),
  count('business', '商业企业', '法人或其他组织中的商业企业。', 'Legal persons and organisations: businesses.'),
  count('research', '科研机构', '法人或其他组织中的科研机构。', 'Legal persons and organisations: research institutions.'),
  count('charity', '社会公益组织', '法人或其他组织中的社会公益组织。', 'Legal persons and organisations: public-interest organisations.'),
  count('legal', '法律服务机构', '法人或其他组织中的法律服务机构。', 'Legal persons and organisations: legal-service institutions.'),
  count('other', '其他', '法人或其他组织中的其他类型。', 'Legal persons and organisations: others.'),
  count('total', '总计', '各类申请人之和（自然人＋五类法人或其他组织）。', 'Sum over all applicant types.'),
];
export const APPLICANT_PARTS = ['natural', 'business', 'research', 'charity', 'legal', 'other'];
const applicantGroups: ColumnGroupDef[] = [
  { label: '申请人情况', columns: applicantColumns.map((c) => c.id), level: 0 },
  { label: '法人或其他组织', columns: ['business', 'research', 'charity', 'legal', 'other'], level: 1 },
];

const appSections: SectionDef[] = [
  { id: 'app.outcomes', label: '三、本年度办理结果', keys: ['本年度办理结果'], explain: t('本年度办结的申请按办理结果分类，每件申请只计入一种结果。', 'Applications closed this year by outcome; each counted once.') },
  { id: 'app.withheld', label: '（三）不予公开', keys: ['不予公开'], explain: t('依法不予公开的申请，按理由分类。', 'Withheld, by legal ground.'), article: [art(14), art(15), art(16)], parent: 'app.outcomes' },
  { id: 'app.unable', label: '（四）无法提供', keys: ['无法提供'], explain: t('无法提供所申请信息的申请。', 'Information could not be provided.'), article: [art(30), art(36, 4, 5), art(38)], parent: 'app.outcomes' },
  { id: 'app.rejected', label: '（五）不予处理', keys: ['不予处理'], explain: t('依法不予处理的申请。', 'Applications not processed.'), article: [art(35), art(36, 6), art(39)], parent: 'app.outcomes' },
];

const A = (id: string, label: string, keys: string[], section: string | null, article: Provision[], zh: string, en: string, extra: Partial<RowDef> = {}) =>
  row(id, label, keys, section, 'app', article, zh, en, extra);

const appRowsBefore: RowDef[] = [
  A('app.received', '一、本年新收政府信息公开申请数量', ['本年新收'], null, [art(27), art(29), art(31)], '本年度新收到的政府信息公开申请，按申请人情况分列统计。', 'Applications received this year, by applicant type.'),
  A('app.carried-over', '二、上年结转政府信息公开申请数量', ['上年结转'], null, [art(33)], '上年度收到、1月1日仍在办理期限内的申请。', 'Applications from last year still pending on 1 January.'),
  A('app.granted', '（一）予以公开', ['予以公开'], 'app.outcomes', [art(36, 1, 2)], '全部公开，或告知申请人获取已公开信息的方式和途径。', 'Information given in full, or the applicant told where it is already public.'),
  A('app.partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开'], 'app.outcomes', [art(37)], '区分处理后部分公开；只计入此项，不计其他情形。', 'Part given after separating what may be disclosed; counted here only.'),
  A('app.withheld.1', '1.属于国家秘密', ['国家秘密'], 'app.withheld', [art(14)], '不予公开：属于国家秘密。', 'Withheld: state secret.'),
  A('app.withheld.2', '2.其他法律行政法规禁止公开', ['法规禁止公开', '禁止公开'], 'app.withheld', [art(14)], '不予公开：其他法律、行政法规禁止公开。', 'Withheld: another law or regulation forbids disclosure.'),
  A('app.withheld.3', '3.危及“三安全一稳定”', ['三安全一稳定', '三安全'], 'app.withheld', [art(14)], '不予公开：公开后可能危及国家安全、公共安全、经济安全、社会稳定。', 'Withheld: could endanger national, public or economic security or social stability.'),
  A('app.withheld.4', '4.保护第三方合法权益', ['第三方合法权益', '第三方'], 'app.withheld', [art(15), art(32)], '不予公开：涉及商业秘密、个人隐私等，公开会损害第三方合法权益（征求第三方意见后）。', 'Withheld: trade secrets, privacy, harm to a third party (after consulting it).'),
  A('app.withheld.5', '5.属于三类内部事务信息', ['内部事务'], 'app.withheld', [para(16, 1)], '不予公开：人事管理、后勤管理、内部工作流程等内部事务信息。', 'Withheld: internal affairs (personnel, logistics, internal procedures).'),
  A('app.withheld.6', '6.属于四类过程性信息', ['过程性信息', '过程性'], 'app.withheld', [para(16, 2)], '不予公开：讨论记录、过程稿、磋商信函、请示报告等过程性信息。', 'Withheld: process information (minutes, drafts, consultation letters, requests for instructions).'),
  A('app.withheld.7', '7.属于行政执法案卷', ['行政执法案卷', '执法案卷'], 'app.withheld', [para(16, 2)], '不予公开：行政执法案卷信息。', 'Withheld: administrative enforcement case files.'),
  A('app.withheld.8', '8.属于行政查询事项', ['行政查询事项', '行政查询'], 'app.withheld', [art(36, 7)], '有专门查询渠道的信息（如登记档案），告知申请人按该渠道查询。', 'Records with their own statutory access channel; applicant referred there.'),
  A('app.unable.1', '1.本机关不掌握相关政府信息', ['不掌握相关政府信息', '不掌握'], 'app.unable', [art(36, 4, 5)], '所申请信息不存在或本机关不掌握。', 'The information does not exist or is not held by this organ.'),
  A('app.unable.2', '2.没有现成信息需要另行制作', ['需要另行制作', '另行制作', '没有现成'], 'app.unable', [art(38)], '需要对现有信息加工、分析或另行制作。', 'Answering would need new compilation or analysis.'),
  A('app.unable.3', '3.补正后申请内容仍不明确', ['仍不明确', '补正后申请'], 'app.unable', [art(30)], '经补正后申请内容仍不明确。', 'Still unclear after the applicant was asked to clarify.'),
  A('app.rejected.1', '1.信访举报投诉类申请', ['信访举报投诉', '信访'], 'app.rejected', [para(39, 1)], '以政府信息公开申请形式进行信访、投诉、举报。', 'A petition or complaint filed as an information request.'),
  A('app.rejected.2', '2.重复申请', ['重复申请'], 'app.rejected', [art(36, 6)], '已答复后就同一内容重复申请。', 'The same request again after an answer.'),
  A('app.rejected.3', '3.要求提供公开出版物', ['公开出版物'], 'app.rejected', [para(39, 2)], '要求提供公报、报刊、书籍等公开出版物，告知获取途径。', 'Requests for gazettes, periodicals, books; applicant told where to get them.'),
  A('app.rejected.4', '4.无正当理由大量反复申请', ['大量反复申请', '大量反复'], 'app.rejected', [art(35)], '申请数量、频次明显超过合理范围。', 'Volume or frequency clearly beyond reason.'),
  A('app.rejected.5', '5.要求行政机关确认或重新出具已获取信息', ['确认或重新出具', '重新出具'], 'app.rejected', [], '要求行政机关确认或重新出具已获取的信息（《条例》无直接对应条款）。', 'Asks to certify or re-issue information already held (no article of the Regulations addresses it directly).'),
];

const appRowsAfter: RowDef[] = [
  A('app.total', '（七）总计', ['总计'], 'app.outcomes', [], '本年度办结的全部申请：（一）至（六）各项之和。', 'All applications closed this year: the sum of outcomes 1 to 6.', { exactOnly: true }),
  A('app.carried-forward', '四、结转下年度继续办理', ['结转下年度'], null, [art(33)], '已收到、12月31日尚未答复且仍在法定期限内的申请。', 'Received, not yet answered on 31 December, still within the legal time limit.'),
];

const otherRow2019 = A('app.other', '（六）其他处理', ['其他处理'], 'app.outcomes', [art(30), art(42)], '其他方式办结的申请。', 'Applications closed in other ways.');
const otherRows2021: RowDef[] = [
  A('app.other', '（六）其他处理', ['其他处理'], 'app.outcomes', [art(30), art(42)], '其他方式办结的申请：下列三项之和。', 'Applications closed in other ways: the sum of the three rows below.',
    { aggregateOf: ['app.other.1', 'app.other.2', 'app.other.3'], optional: true }),
  A('app.other.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正'], 'app.other', [art(30)], '申请人无正当理由逾期不补正，行政机关不再处理。', 'No clarification in time: the organ stops processing.'),
  A('app.other.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['缴纳费用', '收费通知'], 'app.other', [art(42)], '申请人逾期未缴纳信息处理费，行政机关不再处理（另见《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。', 'Fee not paid in time: the organ stops processing (see also the measures on information-processing fees of 2020).'),
  A('app.other.3', '3.其他', ['其他'], 'app.other', [], '其他方式办结的申请。', 'Other closures.', { exactOnly: true }),
];

const appTable = (v: 'T2019' | 'T2021'): TableDef => ({
  id: 'applications', part: 3, title: t('收到和处理政府信息公开申请情况', 'Applications received and handled'),
  columnSets: { app: applicantColumns },
  columnGroups: { app: applicantGroups },
  corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  sections: v === 'T2021'
    ? [...appSections, { id: 'app.other', label: '（六）其他处理', keys: ['其他处理'], explain: t('其他方式办结的申请。', 'Closed in other ways.'), article: [art(30), art(42)], parent: 'app.outcomes' }]
    : appSections,
  rows: [...appRowsBefore, ...(v === 'T2021' ? otherRows2021 : [otherRow2019]), ...appRowsAfter],
});

// ------------------------------------------------------------------ table 四 (复议、诉讼): shared

const reviewGroups = [
  { id: 'review', zh: '行政复议', en: 'Administrative reconsideration', header: ['行政复议'] },
  { id: 'direct', zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuit filed directly', header: ['行政诉讼', '未经复议直接起诉'] },
  { id: 'after', zh: '行政诉讼·复议后起诉', en: 'Lawsuit after reconsideration', header: ['行政诉讼', '复议后起诉'] },
];
const outcomeColumns = [
  { id: 'upheld', label: '结果维持', zh: '结果维持', en: 'upheld' },
  { id: 'corrected', label: '结果纠正', zh: '结果纠正', en: 'corrected' },
  { id: 'other', label: '其他结果', zh: '其他结果', en: 'other outcome' },
  { id: 'pending', label: '尚未审结', zh: '尚未审结', en: 'pending' },
  { id: 'total', label: '总计', zh: '总计（前四项之和）', en: 'total (sum of the four)' },
];
export const REVIEW_GROUPS = reviewGroups.map((g) => g.id);
export const REVIEW_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'];
const reviewColumns: ColumnDef[] = reviewGroups.flatMap((g) => outcomeColumns.map((c) => ({
  id: `${g.id}.${c.id}`, label: c.label, kind: 'count' as const, group: g.id,
  explain: t(`${g.zh}：${c.zh}的案件数。`, `${g.en}: ${c.en} cases.`),
})));

/** The template's three header rows: 行政复议 spans two of them, 行政诉讼 splits into its two kinds. */
const reviewColumnGroups: ColumnGroupDef[] = (() => {
  const groups: ColumnGroupDef[] = [];
  const depth = Math.max(...reviewGroups.map((g) => g.header.length));
  for (const g of reviewGroups) {
    const columns = outcomeColumns.map((c) => `${g.id}.${c.id}`);
    g.header.forEach((label, level) => {
      const same = groups.find((x) => x.label === label && x.level === level);
      if (same) same.columns.push(...columns);
      else groups.push({ label, columns: [...columns], level, ...(level === g.header.length - 1 && level < depth - 1 ? { rowSpan: depth - level } : {}) });
    });
  }
  return groups;
})();

const reviewTable: TableDef = {
  id: 'review', part: 4, title: t('政府信息公开行政复议、行政诉讼情况', 'Reconsideration and litigation'),
  columnSets: { review: reviewColumns },
  columnGroups: { review: reviewColumnGroups },
  sections: [],
  rows: [row('review.data', '', [], null, 'review', [art(50, 3), art(51)],
    '因本机关政府信息公开工作被申请行政复议、提起行政诉讼的案件：维持、纠正、其他结果、尚未审结、总计。',
    'Reconsideration and lawsuits about this organ\'s disclosure work: upheld, corrected, other, pending, total.')],
  unlabelledRow: 'review.data',
};

// ------------------------------------------------------------------ balance rules (spec §8)

const appColumnIds = applicantColumns.map((c) => c.id);
const OUTCOME_ROWS = ['app.granted', 'app.partial', ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `app.withheld.${i}`),
  ...[1, 2, 3].map((i) => `app.unable.${i}`), ...[1, 2, 3, 4, 5].map((i) => `app.rejected.${i}`), 'app.other'];
const C = (row: string, column: string) => ({ row, column });

const equations = (rows: RowDef[]): EquationDef[] => [
  { id: 'R1', rule: 'balance-carryover', table: 'applications', forEach: 'column', over: appColumnIds,
    target: C('app.carried-forward', '$column'), plus: [C('app.received', '$column'), C('app.carried-over', '$column')], minus: [C('app.total', '$column')] },
  { id: 'R2', rule: 'balance-row-total', table: 'applications', forEach: 'row',
    over: rows.map((r) => r.id),
    target: C('$row', 'total'), plus: APPLICANT_PARTS.map((c) => C('$row', c)), minus: [] },
  { id: 'R3', rule: 'balance-outcome-total', table: 'applications', forEach: 'column', over: appColumnIds,
    target: C('app.total', '$column'), plus: OUTCOME_ROWS.map((r) => C(r, '$column')), minus: [] },
  ...REVIEW_GROUPS.map((g): EquationDef => ({ id: 'R4', rule: 'balance-review-total', table: 'review', forEach: 'once', over: [],
    target: C('review.data', `${g}.total`), plus: REVIEW_OUTCOMES.map((o) => C('review.data', `${g}.${o}`)), minus: [] })),
];

// ------------------------------------------------------------------ carried from last year's report

/**
 * 二、上年结转 is last year's 四、结转下年度继续办理, column by column (spec §5, 第三十三条). Under the 2021 format,
 * 现行有效件数 opens the year at last year's figure and changes with this year's 制发 and 废止: carried to confirm.
 */
const carry = (v: 'T2019' | 'T2021'): CarryDef[] => [
  { table: 'applications', to: 'app.carried-over', from: 'app.carried-forward', columns: appColumnIds, confirm: false },
  ...(v === 'T2021' ? activeRows(v).filter((r) => activeColumns2021[r.columns]?.some((c) => c.id === 'in-force')) : [])
    .map((r): CarryDef => ({ table: 'active', to: r.id, from: r.id, columns: ['in-force'], confirm: true })),
];

function template(id: 'T2019' | 'T2021'): TemplateDef {
  const app = appTable(id);
  return {
    id,
    name: id === 'T2021'
      ? t('2021年版格式（国办公开办函〔2021〕30号）', '2021 template (General Office of the State Council, document “国办公开办函〔2021〕30号”)')
      : t('2019年版格式（国办公开办函〔2019〕60号）', '2019 template (General Office of the State Council, document “国办公开办函〔2019〕60号”)'),
    title: id === 'T2021' ? '《中华人民共和国政府信息公开工作年度报告格式》' : '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
    years: id === 'T2021' ? { from: 2021, to: null } : { from: 2019, to: 2020 },
    parts: parts(id),
    tables: [activeTable(id), app, reviewTable],
    equations: equations(app.rows),
    carry: carry(id),
  };
}

export const T2019 = template('T2019');
export const T2021 = template('T2021');
