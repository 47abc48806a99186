// The pages a user opens from a finding: one layout for every rule page, led by the check's Chinese name, and every
// relative link of every Markdown page shipped in the .vsix leads to a file shipped with it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMetas } from '../../server/src/engine';
import { repoRoot } from '../support/paths';

const ZH_SECTIONS = ['检查内容', '为什么', '示例', '修复', '默认级别与关闭'];
const EN_SECTIONS = ['What it checks', 'Why', 'Example', 'Fixes', 'Default severity and turning it off'];
const LEVEL_ZH = { error: '错误', warning: '警告', info: '信息', hint: '提示' } as const;

/** Relative link targets of a Markdown text, code spans and fenced code aside. */
function links(md: string): string[] {
  const prose = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
}

describe('rule pages and the pages shipped in the .vsix', function () {
  this.timeout(60000);

  it('every rule page: # 名称（`id`）, the index link, then 检查内容 / 为什么 / 示例 / 修复 / 默认级别与关闭, then the English half', () => {
    for (const m of ruleMetas) {
      const md = readFileSync(path.join(repoRoot, m.docs), 'utf8');
      const lines = md.split('\n');
      assert.equal(lines[0], `# ${m.name['zh-CN']}（\`${m.id}\`）`, m.id);
      assert.equal(lines[2], '[全部检查项 / all checks](../README.md)', m.id);
      const [zh, en] = md.split('\n---\n');
      assert.ok(en, `${m.id}: no English half after ---`);
      assert.deepEqual([...zh.matchAll(/^## (.*)$/gm)].map((x) => x[1]), ZH_SECTIONS, m.id);
      assert.match(en, new RegExp(`^\\n## English: ${m.name.en.replace(/[()]/g, '\\$&')} \\(\`${m.id}\`\\)\\n`), m.id);
      assert.deepEqual([...en.matchAll(/^### (.*)$/gm)].map((x) => x[1]).filter((h) => EN_SECTIONS.includes(h)), EN_SECTIONS, m.id);
      assert.ok(zh.includes(`默认级别：**${LEVEL_ZH[m.severity]}**（${m.severity}）。`), `${m.id}: default level`);
      assert.doesNotMatch(zh, /T20(19|21)|(^|[^A-Za-z])R[1-4]([^0-9]|$)|占位符|安全修复|提示（info）/m, m.id);
    }
  });

  it('narrative-mismatch names the tables it compares by their parts (第三部分表格, 第四部分表格)', () => {
    const zh = readFileSync(path.join(repoRoot, 'docs/rules/narrative-mismatch.md'), 'utf8').split('\n---\n')[0];
    assert.match(zh, /第三部分表格“一、本年新收政府信息公开申请数量”的总计/);
    assert.match(zh, /第四部分表格的三个“总计”之和/);
    assert.doesNotMatch(zh, /表二|表三|表四/);
  });

  it('every relative link of every shipped Markdown page resolves to a shipped file', function () {
    const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
    if (!existsSync(vsce)) this.skip();
    const shipped = new Set(execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean));
    assert.ok(shipped.has('docs/rules/cell-blank.md') && shipped.has('README.md'), [...shipped].join(' '));
    const broken: string[] = [];
    for (const page of [...shipped].filter((f) => f.endsWith('.md'))) {
      for (const link of links(readFileSync(path.join(repoRoot, page), 'utf8'))) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(link.split('#')[0])));
        if (!shipped.has(target)) broken.push(`${page} → ${link}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
