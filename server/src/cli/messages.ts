// The CLI's own words (usage, errors, notes, summary), in the engine's catalogue form and read through its `format`:
// zh-CN by default, en with --locale en. Findings' messages come from the engine's catalogues, why a document cannot
// be read from formats/messages.ts.
import { format, list, listOr, type Args, type Catalogue } from '../engine/messages';
import type { Locale } from '../engine/types';
import { formatMessages } from '../formats/messages';
import { REPORT_EXTENSIONS } from './files';
import { DEFAULT_FILE_SECONDS, MAX_INPUT_BYTES } from './limits';

export type CliLocale = Locale;

export const cliMessages: Catalogue = {
  'zh-CN': {
    usage: `用法：gov-report-lint [--format text|json|summary|csv|sarif] [--fix] [--fix-suggestions] [--locale zh-CN|en]
                      [--config 配置文件 | --no-config] [--previous 上年度报告] 文件或目录...
      gov-report-lint --extract 文件
      gov-report-lint --print-config 文件

检查政府信息公开工作年度报告的结构、表格与勾稽关系。可读取：文本（.txt）、Markdown（.md）、保存的网页（.html、.htm）、
Word 文档（.docx）和 PDF 文件（.pdf）。

选项：
  --format 格式         输出格式（默认 text）。json 供其他程序读取：输出一个 JSON 数组，行号、列号从 0 开始，
                       一个问题涉及的其他位置（表格中的各行、上年度报告中的单元格）列在 related 中；summary 输出
                       每份报告一行的汇总表；csv 输出同一张表（UTF-8，带 BOM，可直接用 Excel、WPS 打开）；sarif 输出
                       SARIF 2.1.0（供代码审查系统、GitHub 代码扫描读取）。
  --fix                直接修改文件，应用确定无误的修复（如恢复模板标题），再报告仍存在的问题。
  --fix-suggestions    同时应用需要确认的修复（如空白单元格填 0、合计改为各项之和）；同时包含 --fix。
  --locale zh-CN|en    消息语言（默认 zh-CN，中文；或配置文件中的 locale）。
  --config 配置文件    使用此配置文件，而不是从当前目录向上查找的 gov-report.config.json；--no-config 不用配置文件。
  --print-config 文件  只输出检查此文件所用的设置（配置文件与各项设置合并后的结果），不做检查。
  --previous 上年度报告  与给出的一个报告文件比对上下年度（上年结转、现行有效件数、文字重复）；
                       不给出时，同一机关相邻年度的报告（按标题中的机关名称与年度）自动配对。
  --extract 文件       只输出检查所依据的文本，不做检查：网页、Word 文档、PDF 为从中提取的文字（表格每行一行），
                       纯文本文件为解码后的文字。
  -h, --help           显示本帮助。
  -v, --version        显示版本号。

文件与目录：
  参数为目录时，递归检查其中的 {globs} 文件（跳过以 . 开头的目录与 node_modules），
  按路径排序；目录中没有此类文件、或有无法读取的子目录，视为错误。直接给出的文件不论扩展名都会检查。
  目录中的符号链接不跟随（不会检查或改写目录树以外的文件，会在标准错误输出中说明）；失效的链接视为错误。
  命令行上直接给出的符号链接照常跟随。同一文件出现多次只检查一次。
  每个文件最大 {limit}；每个文件的检查时间上限默认 {seconds} 秒，超时的文件报错，其余文件照常检查。

编码：
  自动识别 UTF-8（含或不含 BOM）、带 BOM 的 UTF-16 LE/BE，以及 GB18030/GBK（内容不是合法 UTF-8 时）。
  非 UTF-8 编码会在标准错误输出中注明。含 NUL 字节或无法解码的文件视为二进制文件，报错。

网页、Word 文档与 PDF：
  网页（.html、.htm）按其声明的字符集（UTF-8、GBK/GB2312/GB18030 等）读取正文与表格，跳过脚本、样式、导航；
  合并单元格按其所在位置读取。结果的行号、列号指网页源文件中的位置。
  Word 文档（.docx）读取其中的段落与表格（表格每行一行、Tab 分隔）；结果的位置指提取出的文本（用 --extract 查看）。
  PDF 文件（.pdf）读取其文字层，按文字位置还原行与列；结果的位置指提取出的文本（用 --extract 查看）。
  扫描件（没有文字层）需先做文字识别（OCR）；设有打开密码的 PDF 无法读取。
  --fix 不改写网页、Word 文档和 PDF。旧版 Word 97–2003（.doc）与加密文档无法读取，请另存为 .docx。

修复：
  修复后的文件先完整写入同目录下的临时文件，落盘并读回核对，再改名覆盖原文件；保留原编码、BOM、CRLF 换行、
  文件所有者、所属组和权限位（去掉 setuid/setgid）。写入失败（磁盘已满等）、或读取后文件被其他程序改动时，
  原文件保持不变，退出码为 2。只读文件和有多个硬链接的文件不改写（报错）。中断（Ctrl-C、SIGTERM）时删除临时文件。
  没有可应用的修复时不写文件。GB18030/GBK 文件暂不支持写回：有可用修复时报告问题但不改动文件，退出码为 2；
  请先转换为 UTF-8 再使用 --fix。

退出码：
  0  没有错误级别的问题
  1  至少一个错误级别的问题
  2  用法错误，或有文件无法读取、不是文本、超时、无法修复，或输出失败（--extract：文件无法读取）
  130/143  被 SIGINT/SIGTERM 中断

环境变量：
  NO_COLOR                 设置后不输出颜色（仅在标准输出为终端时才会着色）。
  GOV_REPORT_LINT_JOBS     检查线程数（默认：超过 500 个文件时为 CPU 核数，最多 8；否则 1）。
  GOV_REPORT_LINT_TIMEOUT  每个文件的检查时间上限，单位秒（默认 {seconds}）。
`,
    version: 'gov-report-lint {version}',
    unknownOption: '未知选项：{option}',
    missingValue: '选项 {option} 需要一个值',
    badFormat: '--format 的值无效：{value}（应为 text、json、summary、csv 或 sarif）',
    badLocale: '--locale 的值无效：{value}（应为 zh-CN 或 en）',
    noFiles: '没有给出要检查的文件',
    seeHelp: '运行 gov-report-lint --help 查看用法。',
    notFound: '{file}：文件不存在',
    permission: '{file}：没有读取权限',
    readFailed: '{file}：无法读取（{detail}）',
    isDirectory: '{file}：是目录，不是文件',
    emptyDirectory: '{file}：目录中没有 {exts} 文件',
    unreadableDirectory: '{file}：无法读取目录（{detail}），其中的文件未检查',
    brokenLink: '{file}：符号链接指向的文件不存在',
    linkNotFollowed: '{file}：目录中的符号链接不跟随，未检查；如需检查，请直接在命令行上给出',
    tooLarge: '{file}：文件大小 {size}，超过上限 {limit}，未检查',
    timeout: '{file}：检查超过 {seconds} 秒，已停止（使用 --fix 时，文件要么未改动，要么已完整写入修复）',
    workerDied: '{file}：检查此文件的线程意外终止（{detail}）；文件未改动或已完整写入修复',
    fixReadOnly: '{file}：文件是只读的，未写入修复',
    fixHardLinks: '{file}：文件有 {n} 个硬链接，改写会拆开它们，未写入修复',
    outputFailed: '无法写出结果（{detail}）',
    interrupted: '被 {signal} 中断；未完成的修复没有写入，临时文件已删除',
    notRegular: '{file}：不是普通文件',
    binary: '{file}：是二进制文件（含 NUL 字节或控制字符），不是文本',
    invalidText: '{file}：不是有效的文本（既不是 UTF-8，也不是 GB18030）',
    invalidUtf16: '{file}：带有 {encoding} BOM，但内容不是有效的 {encoding}',
    assumedEncoding: '{file}：按 {encoding} 编码读取',
    fixUnsupportedEncoding: '{file}：有 {n} 处修复可用，但暂不支持以 {encoding} 编码写回，未修改文件；请先转换为 UTF-8 再使用 --fix',
    fixChanged: '{file}：读取后文件已被其他程序修改，未写入修复',
    fixRoundTrip: '{file}：修复后的文本无法无损地以 {encoding} 编码保存，未修改文件',
    fixWriteFailed: '{file}：写入修复失败（{detail}），原文件未改动',
    fixed: '{file}：已应用 {n} 处修复',
    summaryProblems: '✖ {files} 个文件中共 {problems} 个问题（{counts}）',
    summaryClean: '✔ {files} 个文件未发现问题',
    summaryUnreadable: '{n} 个文件无法检查',
    summaryFixed: '已在 {files} 个文件中应用 {n} 处修复',
    'count.error': '错误 {n}',
    'count.warning': '警告 {n}',
    'count.info': '信息 {n}',
    'count.hint': '提示 {n}',
    'count.sep': '，',
    engineFailed: '{file}：检查时出现内部错误（{detail}），请将该文件和本提示反馈给维护人员',
    extractOneFile: '--extract 只接受一个文件',
    documentRead: '{file}：{format}中的文字已提取，结果的位置指提取出的文本（可用 --extract 查看）',
    pageEncoding: '{file}：网页按 {encoding} 编码读取',
    fixDocument: '{file}：{format}不会被改写，有 {n} 处修复可用，请在原文档中修改',
    unreadableDocument: '{file}：{problem}',
    printConfigOneFile: '--print-config 只接受一个文件',
    previousOneFile: '--previous 只能与一个报告文件一起使用',
    configAndNoConfig: '--config 与 --no-config 不能同时使用',
    ambiguousPrevious: '{office}{year}年度有多份报告（{files}），未与下一年度的报告比对；请在配置文件的 pairs 中或用 --previous 指定上年度报告',
    'ambiguousPrevious.more': '{files}等 {n} 份',
    previousUnreadable: '{file}：上年度报告未能读取，因此未与上年度比对',
  },
  en: {
    usage: `Usage: gov-report-lint [--format text|json|summary|csv|sarif] [--fix] [--fix-suggestions] [--locale zh-CN|en]
                       [--config FILE | --no-config] [--previous FILE] FILE|DIR...
       gov-report-lint --extract FILE
       gov-report-lint --print-config FILE

Checks annual government-information-disclosure reports: structure, tables, balance rules. Reads text (.txt),
Markdown (.md), saved web pages (.html, .htm), Word documents (.docx) and PDF files (.pdf).

Options:
  --format FORMAT      Output format (default text). json prints exactly one JSON array; positions are
                       0-based lines and UTF-16 characters, as in LSP; the other places a finding refers to
                       (the rows of a table, last year's cell) are in "related". summary prints a table, one
                       report a line; csv the same table (UTF-8 with a BOM, for Excel and WPS); sarif
                       SARIF 2.1.0 (for code-review systems and GitHub code scanning).
  --fix                Apply the fixes that are certain (e.g. restore a template heading) to the file, then
                       report what is left.
  --fix-suggestions    Also apply the fixes that need confirming (e.g. 0 for a blank cell, a total changed to
                       the sum of its items); implies --fix.
  --locale zh-CN|en    Message language (default zh-CN, Chinese; or the configuration file's locale).
  --config FILE        Use this configuration file instead of the gov-report.config.json found from the
                       working directory upwards; --no-config uses none.
  --print-config FILE  Print the settings FILE is checked with (the configuration merged) and check nothing.
  --previous FILE      Compare the one report given with last year's report FILE (carried-over
                       applications, documents in force, repeated text). Without it, reports of one office
                       (the office and year of their titles) for consecutive years are paired automatically.
  --extract FILE       Print the text the findings refer to and check nothing: for a web page, a Word
                       document or a PDF the text read from it (each table row a line), for a text file
                       the decoded text.
  -h, --help           Show this help.
  -v, --version        Show the version.

Files and directories:
  A directory argument is searched recursively for {globs} files (directories starting with "."
  and node_modules are skipped), in path order; a directory without such files, or with a subdirectory that
  cannot be read, is an error. Files named directly are linted whatever their extension. Symbolic links met
  inside a directory are not followed (nothing outside the tree is read or written; each is noted on stderr),
  and a broken one is an error; links named on the command line are followed. A file given more than once is
  linted once. Each file may be at most {limit}; each file has {seconds} s to be checked
  (a file that takes longer is reported as failed and the others are still checked).

Encodings:
  UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and GB18030/GBK (when the bytes are not valid UTF-8)
  are recognised; a non-UTF-8 encoding is noted on stderr. A file with NUL bytes or undecodable bytes is
  reported as binary.

Web pages, Word documents and PDF files:
  A web page (.html, .htm) is read in the charset it declares (UTF-8, GBK/GB2312/GB18030, ...): its text and
  tables, without scripts, styles and navigation; merged cells are read where they start. Findings give the
  line and column in the page's source. A Word document (.docx) is read as its paragraphs and tables (each
  row a tab-separated line); positions refer to that text (see --extract). A PDF (.pdf) is read from its text
  layer, rows and columns rebuilt from the positions of the words; positions refer to that text too. A scan
  (no text layer) needs OCR first; a PDF with an open password cannot be read. --fix never rewrites any of
  these. Old Word 97-2003 (.doc) and encrypted documents cannot be read: save them as .docx.

Fixing:
  A fixed file is written in full to a temporary file in the same directory, flushed, read back and compared,
  then renamed over the original; its encoding, BOM, CRLF line ends, owner, group and permission bits (less
  setuid/setgid) are kept. When writing fails (a full disk…) or another program changed the file after it
  was read, the original is left unchanged and the exit code is 2. Read-only files and files with several
  hard links are not rewritten (an error). On Ctrl-C or SIGTERM temporary files are removed.
  Nothing is written when no fix applies. GB18030/GBK files
  cannot be written back yet: when fixes are available their problems are
  reported, the file is left untouched and the exit code is 2; convert them to UTF-8 first to use --fix.

Exit codes:
  0  no error-severity problem
  1  at least one error-severity problem
  2  usage error, or a file could not be read, is not text, timed out or could not be fixed, or the
     output could not be written (--extract: the file could not be read)
  130/143  interrupted by SIGINT/SIGTERM

Environment:
  NO_COLOR                 Disables colour (colour is only used when stdout is a terminal).
  GOV_REPORT_LINT_JOBS     Linting threads (default: above 500 files, the number of cores up to 8; else 1).
  GOV_REPORT_LINT_TIMEOUT  Time budget per file in seconds (default {seconds}).
`,
    version: 'gov-report-lint {version}',
    unknownOption: 'unknown option: {option}',
    missingValue: 'option {option} needs a value',
    badFormat: 'invalid value for --format: {value} (expected text, json, summary, csv or sarif)',
    badLocale: 'invalid value for --locale: {value} (expected zh-CN or en)',
    noFiles: 'no files to check',
    seeHelp: 'Run gov-report-lint --help for usage.',
    notFound: '{file}: no such file',
    permission: '{file}: permission denied',
    readFailed: '{file}: cannot read ({detail})',
    isDirectory: '{file}: is a directory, not a file',
    emptyDirectory: '{file}: directory contains no {exts} files',
    unreadableDirectory: '{file}: cannot read the directory ({detail}); the files in it were not checked',
    brokenLink: '{file}: broken symbolic link',
    linkNotFollowed: '{file}: symbolic link inside a directory, not followed and not checked; name it on the command line to check it',
    tooLarge: '{file}: {size}, larger than the limit of {limit}; not checked',
    timeout: '{file}: checking took more than {seconds} s and was stopped (with --fix the file is either unchanged or fully fixed)',
    workerDied: '{file}: the thread checking this file died ({detail}); the file is either unchanged or fully fixed',
    fixReadOnly: '{file}: the file is read-only; fixes not written',
    fixHardLinks: '{file}: the file has {n} hard links, which rewriting would split; fixes not written',
    outputFailed: 'cannot write the output ({detail})',
    interrupted: 'interrupted by {signal}; unfinished fixes were not written, temporary files removed',
    notRegular: '{file}: not a regular file',
    binary: '{file}: binary file (NUL bytes or control characters), not text',
    invalidText: '{file}: not valid text (neither UTF-8 nor GB18030)',
    invalidUtf16: '{file}: has a {encoding} BOM but is not valid {encoding}',
    assumedEncoding: '{file}: read as {encoding}',
    fixUnsupportedEncoding: '{file}: {n} {n|fix|fixes} available, but the file cannot be written back as {encoding} yet; left unchanged. Convert it to UTF-8 to use --fix',
    fixChanged: '{file}: another program changed the file after it was read; fixes not written',
    fixRoundTrip: '{file}: the fixed text cannot be saved losslessly as {encoding}; left unchanged',
    fixWriteFailed: '{file}: writing the fixes failed ({detail}); the original is unchanged',
    fixed: '{file}: {n} {n|fix|fixes} applied',
    summaryProblems: '✖ {problems} {problems|problem|problems} ({counts}) in {files} {files|file|files}',
    summaryClean: '✔ no problems in {files} {files|file|files}',
    summaryUnreadable: '{n} {n|file|files} could not be checked',
    summaryFixed: '{n} {n|fix|fixes} applied in {files} {files|file|files}',
    'count.error': '{n} {n|error|errors}',
    'count.warning': '{n} {n|warning|warnings}',
    'count.info': '{n} info',
    'count.hint': '{n} {n|hint|hints}',
    'count.sep': ', ',
    engineFailed: '{file}: internal error while linting ({detail}); please send this file and this message to the maintainers',
    extractOneFile: '--extract takes exactly one file',
    documentRead: '{file}: read the text of a {format}; positions refer to that text (see --extract)',
    pageEncoding: '{file}: web page read as {encoding}',
    fixDocument: '{file}: {n} {n|fix|fixes} available, but a {format} is never rewritten; make the changes in the original',
    unreadableDocument: '{file}: {problem}',
    printConfigOneFile: '--print-config takes exactly one file',
    previousOneFile: '--previous goes with exactly one report file',
    configAndNoConfig: '--config and --no-config cannot be used together',
    ambiguousPrevious: '{office} has several reports for {year} ({files}); none was compared with the next year\'s: name last year\'s report with the configuration file\'s pairs or --previous',
    'ambiguousPrevious.more': '{files} and {more} more',
    previousUnreadable: '{file}: last year\'s report could not be read, so nothing was compared with last year',
  },
};

/** The CLI's words and the documents' (a document's kind and why it cannot be read), in one catalogue. */
const catalogue: Catalogue = {
  'zh-CN': { ...formatMessages['zh-CN'], ...cliMessages['zh-CN'] },
  en: { ...formatMessages.en, ...cliMessages.en },
};

/** A message of the CLI's catalogue in the run's locale. */
export interface Translate {
  (key: string, args?: Args): string;
  locale: Locale;
}

/** The CLI's words in `locale`; the usage text carries the limits and the file kinds read. */
export function messages(locale: CliLocale): Translate {
  const fixed: Args = { globs: list(locale, REPORT_EXTENSIONS.map((e) => `*${e}`)), limit: megabytes(MAX_INPUT_BYTES), seconds: DEFAULT_FILE_SECONDS, exts: listOr(locale, REPORT_EXTENSIONS) };
  return Object.assign((key: string, args?: Args) => format(locale, key, { ...fixed, ...args }, catalogue), { locale });
}

/** A size in messages: 20 MB. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/** Display name of an encoding id, for notes. */
export function encodingName(e: string): string {
  switch (e) {
    case 'utf-8': return 'UTF-8';
    case 'utf-8-bom': return 'UTF-8 (BOM)';
    case 'utf-16le': return 'UTF-16LE';
    case 'utf-16be': return 'UTF-16BE';
    case 'gb18030': return 'GB18030';
    default: return e;
  }
}
