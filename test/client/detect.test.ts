// Which plain-text documents the extension takes for a report: those whose own title (the first non-blank line,
// or the first two) is a report's title; not a note that merely mentions one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { looksLikeReport } from '../../client/src/detect';
import { hasWild, wildDir } from '../support/pages';
import { corpus, examplesDir } from '../support/paths';

describe('client: content detection', () => {
  it('takes every corpus report (tidy and as they come) and every text example for a report', function () {
    for (const [id, { text }] of Object.entries(corpus())) assert.ok(looksLikeReport(text), `corpus ${id}`);
    if (hasWild) for (const f of readdirSync(wildDir).filter((x) => x.endsWith('.txt'))) assert.ok(looksLikeReport(readFileSync(path.join(wildDir, f), 'utf8')), f);
    for (const f of readdirSync(examplesDir).filter((x) => /\.(txt|md)$/.test(x) && !/^readme/i.test(x))) {
      assert.ok(looksLikeReport(readFileSync(path.join(examplesDir, f), 'utf8')), f);
    }
  });

  it('titles as they are written: split over two lines, Markdown, a bracketed note, 信息公开工作报告', () => {
    assert.ok(looksLikeReport('  淮安市洪泽区人民政府\n    2024 年政府信息公开工作年度报告\n\n本报告……'));
    assert.ok(looksLikeReport('2021年拱墅区朝晖街道政府信息公开\n年度工作报告\n正文'));
    assert.ok(looksLikeReport('# 某县农业农村局2022年政府信息公开工作年度报告\n\n本报告……'));
    assert.ok(looksLikeReport('**某局2021年政府信息公开工作年度报告（全文）**\n'));
    assert.ok(looksLikeReport('\n\n天福街道办事处2020年度信息公开工作报告\n根据……'));
  });

  it('not a note that mentions a report, nor a report title further down', () => {
    assert.equal(looksLikeReport('关于某局2023年政府信息公开工作年度报告的审核意见\n\n经审核，……'), false);
    assert.equal(looksLikeReport('某市政务公开办公室\n关于某局2023年政府信息公开工作年度报告的审核意见\n'), false);
    assert.equal(looksLikeReport('会议纪要\n\n一、审议某局2023年政府信息公开工作年度报告\n'), false);
    assert.equal(looksLikeReport('经审核，你局报送的2023年政府信息公开工作年度报告\n基本符合要求。'), false);
    assert.equal(looksLikeReport(''), false);
  });
});
