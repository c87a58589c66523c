import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentRemovable, cleanFileName, sniffAttachment } from './attachments.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
const sniff = (head: Uint8Array, tail = head) => sniffAttachment(head, tail, head.length);

test('magic numbers decide the type: PDF, PNG, JPEG', () => {
  assert.equal(sniff(text('%PDF-1.7\n')), 'pdf');
  assert.equal(sniff(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)), 'png');
  assert.equal(sniff(bytes(0xff, 0xd8, 0xff, 0xdb)), 'jpeg');
  assert.equal(sniff(bytes(0x89, 0x50, 0x4e, 0x47)), null, 'a cut PNG signature is not a PNG');
  assert.equal(sniff(text('%PDF')), null);
  assert.equal(sniff(text('MZ\x90\x00')), null);
});

test('a ZIP is a spreadsheet only when its central directory names xl/workbook.xml', () => {
  const head = text('PK\x03\x04....[Content_Types].xml');
  const workbook = text('PK\x01\x02 [Content_Types].xml PK\x01\x02 xl/workbook.xml PK\x05\x06');
  const document = text('PK\x01\x02 [Content_Types].xml PK\x01\x02 word/document.xml PK\x05\x06');
  assert.equal(sniffAttachment(head, workbook, 1_000_000), 'xlsx');
  assert.equal(sniffAttachment(head, document, 1_000_000), null);
  assert.equal(sniffAttachment(text('xx'), workbook, 1_000_000), null, 'no local file header at the start');
});

test('CSV: UTF-8 text without control characters whose first line has a separator', () => {
  assert.equal(sniff(text('a,b\n1,2\n')), 'csv');
  assert.equal(sniff(text('\uFEFF기간;값\r\n1;2')), 'csv');
  assert.equal(sniff(text('a\tb')), 'csv');
  assert.equal(sniff(text('no separator here\n1,2')), null);
  assert.equal(sniff(text('a,b\n\u0000')), null);
  assert.equal(sniff(bytes(0x61, 0x2c, 0xff, 0xfe)), null, 'not UTF-8');
  assert.equal(sniff(text('')), null);
  // A sample cut inside a multi-byte character is still text when the file goes on.
  const korean = text('기간,값\n운행,1');
  assert.equal(sniffAttachment(korean.subarray(0, korean.length - 4), new Uint8Array(), korean.length), 'csv');
  assert.equal(sniffAttachment(korean.subarray(0, korean.length - 4), new Uint8Array(), korean.length - 4), null, 'but not when that is the end');
});

test('file names lose paths and control characters', () => {
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('C:\\temp\\보고서 "최종".pdf'), '보고서 최종.pdf');
  assert.equal(cleanFileName('a\u0000b\u001fc.csv'), 'abc.csv');
  assert.equal(cleanFileName('..'), 'attachment');
  assert.equal(cleanFileName('   '), 'attachment');
});

test('files are withdrawn only from reports not yet accepted', () => {
  assert.equal(attachmentRemovable('submitted'), true);
  assert.equal(attachmentRemovable('changes_requested'), true);
  assert.equal(attachmentRemovable('accepted'), false);
});
