// Who published a report, read from its title: the office (for pairing the reports of consecutive years) and the
// kind of organ (for its deadline). "平潭综合实验区财政金融局2024年度政府信息公开工作年度报告" is the office
// 平潭综合实验区财政金融局, a department; "淮安市洪泽区人民政府 2024 年政府信息公开工作年度报告" a government.
import { norm } from '../text';
import type { OrganKind } from '../types';

const YEAR = /(?:19|20)\d{2}年度?|[〇零一二三四五六七八九]{4}年度?/g;
/** Where the report's own name begins: the office is what the title says before it. */
const REPORT_NAME = /(?:政府)?信息公开/;
/** Words that join the office to the report's name ("XX局关于2023年度…", "XX局的…"). */
const JOINERS = ['关于', '的', '本', '年度', '度'];
const PUNCTUATION = /[\p{P}\p{S}\s]/gu;
const IS_PUNCTUATION = /[\p{P}\p{S}]/u;

export interface Office {
  /** For matching: punctuation and spaces dropped. */
  key: string;
  /** As written, for display. */
  name: string;
}

/** The office a title names, or null when the title names none ("2024年政府信息公开工作年度报告"). */
export function officeOf(title: string): Office | null {
  const text = norm(title).replace(/^#+/, '').replace(YEAR, '');
  const at = text.search(REPORT_NAME);
  const name = trimPunctuation(dropJoiners(at >= 0 ? text.slice(0, at) : ''));
  const key = name.replace(PUNCTUATION, '');
  return key.length >= 2 ? { key, name } : null;
}

function dropJoiners(s: string): string {
  for (let cut = true; cut;) {
    cut = false;
    for (const j of JOINERS) if (s.endsWith(j)) { s = s.slice(0, -j.length); cut = true; }
  }
  return s;
}

function trimPunctuation(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && IS_PUNCTUATION.test(s[from])) from++;
  while (to > from && IS_PUNCTUATION.test(s[to - 1])) to--;
  return s.slice(from, to);
}

/** An administrative division on its own ("北京市", "平潭综合实验区"): a government's report. */
const DIVISION = /(?:省|市|区|县|州|盟|旗|自治区|自治州|自治县|特别行政区)$/;
/** Divisions below the county, whose reports the 条例 gives no deadline of their own (see the rule's page). */
const TOWNSHIP = /(?:镇|乡|街道|苏木)(?:人民政府|政府)?$/;
const GOVERNMENT = /(?:人民政府|政府)$/;

/** The kind of organ an office is: a (county-level or higher) government, or a department. */
export function organKindOf(office: string): OrganKind {
  if (TOWNSHIP.test(office)) return 'department';
  return GOVERNMENT.test(office) || DIVISION.test(office) ? 'government' : 'department';
}
