// The same report in UTF-8, UTF-8+BOM, UTF-16LE/BE+BOM and GB18030 gives identical findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFile, ensureBuilt, hasIconv, requireCorpus, runJson, strip, tempDir, toGb18030 } from './helpers';

describe('cli: encodings', function () {
  let dir = '';
  let text = '';
  const copies: Record<string, string> = {};

  before(function () {
    this.timeout(120000);
    requireCorpus(this);
    ensureBuilt();
    dir = tempDir();
    text = fs.readFileSync(corpusFile('001'), 'utf8');
    const write = (name: string, bytes: Buffer) => { copies[name] = path.join(dir, name); fs.writeFileSync(copies[name], bytes); };
    write('utf8.txt', Buffer.from(text, 'utf8'));
    write('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    write('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    write('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    if (hasIconv()) write('gb18030.txt', toGb18030(text));
  });

  for (const [name, note] of [['utf8-bom.txt', null], ['utf16le.txt', 'UTF-16LE'], ['utf16be.txt', 'UTF-16BE'], ['gb18030.txt', 'GB18030']] as const) {
    it(`${name}: the same findings and positions as the UTF-8 file${note ? `, and a note on stderr (${note})` : ''}`, function () {
      if (!copies[name]) {
        console.log('      (skipped: /usr/bin/iconv with GB18030 not available)');
        this.skip();
      }
      const base = runJson([copies['utf8.txt']]);
      const other = runJson([copies[name]]);
      assert.equal(other.run.status, base.run.status);
      assert.ok(base.entries[0].diagnostics.length > 0, 'the 001 report has findings to compare');
      assert.deepEqual(strip(other.entries[0]), strip(base.entries[0]));
      assert.equal(other.entries[0].file, copies[name]);
      if (note) {
        assert.ok(other.run.stderr.includes(`${copies[name]}：按 ${note} 编码读取`), other.run.stderr);
        const en = runJson(['--locale', 'en', copies[name]]);
        assert.ok(en.run.stderr.includes(`${copies[name]}: read as ${note}`), en.run.stderr);
      } else {
        assert.equal(other.run.stderr, '');
      }
    });
  }

  it('GBK-only bytes (a real GBK file is valid GB18030) are read as GB18030', function () {
    if (!hasIconv()) this.skip();
    const f = path.join(dir, 'gbk.txt');
    // 政府信息公开 in GBK
    fs.writeFileSync(f, Buffer.from('d5fed7f2d0c5cfa2b9abbfaa0a', 'hex'));
    const j = runJson(['--locale', 'en', f]);
    assert.notEqual(j.run.status, 2, j.run.stderr);
    assert.ok(j.run.stderr.includes('read as GB18030'));
  });
});
