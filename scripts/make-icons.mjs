// Draws the icons (a clock face) as PNGs in public/icon/: green for the store
// and while a timer runs, grey in the toolbar while none does.
// Run after changing the design: `node scripts/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const GREEN = [37, 165, 97];
const GREY = [128, 134, 139];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Colour and coverage (0..1) of one pixel, sampled 4x4 for smooth edges. */
function pixel(size, x, y, face) {
  const c = size / 2;
  const r = size * 0.47;
  const hand = size * 0.07;
  let disc = 0;
  let ink = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      if (Math.hypot(px - c, py - c) <= r) {
        disc++;
        const minute = distanceToSegment(px, py, c, c, c, c - r * 0.68);
        const hour = distanceToSegment(px, py, c, c, c + r * 0.48, c);
        if (Math.min(minute, hour) <= hand) ink++;
      }
    }
  }
  const mix = disc ? ink / disc : 0;
  const rgb = face.map((g, i) => Math.round(g * (1 - mix) + WHITE[i] * mix));
  return [...rgb, Math.round((disc / 16) * 255)];
}

function png(size, face) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel(size, x, y, face));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size, GREEN));
// The toolbar only needs its two sizes.
for (const size of [16, 32]) writeFileSync(new URL(`../public/icon/stopped-${size}.png`, import.meta.url), png(size, GREY));
