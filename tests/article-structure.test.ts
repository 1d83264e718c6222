// Headlines, datelines, captions, furniture and dates, told apart from the body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archiveOf, recordOf } from './helpers/extract.ts';

test('a first line without a full stop is the headline', () => {
  const r = recordOf('Floods close the northern highway\n\nThe highway was closed on Monday after heavy rain.');
  assert.equal(r.title, 'Floods close the northern highway');
  assert.equal(r.titleSource, 'text');
  assert.equal(r.paragraphs[0]!.role, 'headline');
});

test('a first line that is a sentence is body text and the article has no title', () => {
  const r = recordOf('The highway was closed on Monday after heavy rain, officials said.\n\nIt reopened on Tuesday.');
  assert.equal(r.title, null);
  assert.equal(r.paragraphs[0]!.role, 'body');
});

test('front matter gives the title when the text has no headline', () => {
  const r = recordOf('---\ntitle: Highway closed\ndate: 2020-03\n---\nThe highway was closed on Monday after heavy rain.\n', 'a.md');
  assert.equal(r.title, 'Highway closed');
  assert.equal(r.titleSource, 'front-matter');
  assert.equal(r.date, '2020-03');
  assert.equal(r.datePrecision, 'month');
  assert.equal(r.dateSource, 'front-matter');
});

test('a photo caption printed twice and page furniture are not body text', () => {
  const r = recordOf('Rain in the north\n\nThe mayor inspects the dam in Lisbon Tuesday\nThe mayor inspects the dam in Lisbon Tuesday\n\nThe dam held, engineers said.\n\nLeave a comment');
  const roles = r.paragraphs.map((p) => p.role);
  assert.deepEqual(roles, ['headline', 'caption', 'furniture', 'body', 'furniture']);
});

test('a dateline gives the place, and its month and day take the year from the archive', () => {
  const archive = archiveOf({
    'a.txt': 'ASTANA, October 14. The talks ended without a deal.',
    'b.md': '---\ndate: 2015-10-02\n---\nThe talks were announced.',
  });
  const a = archive.articles.find((r) => r.source === 'a.txt')!;
  assert.equal(a.dateline, 'Astana');
  assert.equal(a.date, '2015-10-14');
  assert.equal(a.dateSource, 'dateline');
});

test('a wire dateline with an agency is recognised', () => {
  const r = recordOf('WASHINGTON (Reuters) - The Senate passed the bill on Thursday.');
  assert.equal(r.dateline, 'Washington');
});

test('a date on a line of its own at the top dates the article to the day', () => {
  const r = recordOf('Leaders meet at the United Nations\n\nPublished Monday, September 28, 2015 3:04 p.m. EDT\n\nLeaders met at the United Nations.');
  assert.equal(r.date, '2015-09-28');
  assert.equal(r.dateSource, 'text');
});

test('a date inside a sentence of the story is what it reports, not the article’s date', () => {
  const r = recordOf('Leaders met at the United Nations.\n\nIn a memo dated March 3, 1998, the agency had warned of the risk.');
  assert.equal(r.date, null);
  assert.ok(r.messages.some((m) => m.ruleId === 'no-date'));
});

test('a photo caption dates the article, unless the photo is a file picture', () => {
  const sameDay = recordOf('Leaders met at the United Nations.\n\nPresident Ana Ruiz, left, and Premier Li Wen arrive for talks Monday, September 28, 2015, at United Nations headquarters\n\nThe talks lasted an hour.');
  assert.equal(sameDay.date, '2015-09-28');
  const file = recordOf('Leaders met at the United Nations.\n\nFILE - President Ana Ruiz, left, and Premier Li Wen arrive for talks Monday, September 28, 2012, at United Nations headquarters\n\nThe talks lasted an hour.');
  assert.equal(file.date, null);
});

test('an article with no date says so', () => {
  const r = recordOf('Leaders met at the United Nations.');
  assert.equal(r.date, null);
  assert.equal(r.dateSource, null);
  assert.ok(r.messages.some((m) => m.ruleId === 'no-date'));
});

test('a weekday in the attribution dates the quote against the article date', () => {
  const r = recordOf('---\ndate: 2015-09-16\n---\n“We are ready,” Ana Ruiz said Tuesday.\n', 'a.md');
  assert.equal(r.quotes[0]!.date, '2015-09-15');
});

test('datelines with a state, an agency or a slashed agency give place and date', () => {
  const archive = archiveOf({
    'a.txt': 'FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton spoke.',
    'b.txt': 'LOS ANGELES, Sept. 28 (UPI) — In a preview clip, she sings.',
    'c.txt': 'MOSCOW, September 30, 2016 /TASS/. The Kremlin said so.',
  });
  const by = (source: string) => archive.articles.find((r) => r.source === source)!;
  assert.deepEqual([by('a.txt').dateline, by('b.txt').dateline, by('c.txt').dateline], ['Flint', 'Los Angeles', 'Moscow']);
  assert.deepEqual([by('c.txt').date, by('b.txt').date, by('a.txt').date], ['2016-09-30', '2016-09-28', '2016-10-04']);
});

test('a date written day first is read', () => {
  assert.equal(recordOf('Published: 12 March 2016\n\nBody text here.').date, '2016-03-12');
});

test('an ISO date on the date line is read, and one that is no calendar day is not', () => {
  assert.equal(recordOf('Fire at plant\n\nPosted 2020-08-09T10:00:00Z\n\nA fire broke out at the plant.').date, '2020-08-09');
  assert.equal(recordOf('Fire at plant\n\nPosted 2020-13-09\n\nA fire broke out at the plant.').date, null);
});

test('a long title-case first line ending with a full stop is the headline', () => {
  const r = recordOf('Washington Paper Profiles a Voter Who Was in Hospital for Three Weeks Last Winter.\n\nThe paper ran the feature on Saturday.');
  assert.equal(r.paragraphs[0]!.role, 'headline');
});

test('a wire photo line starting “FILE -” is a caption, not a dateline', () => {
  const r = recordOf('Dock workers walk out\n\nFILE - Dock workers gather at the north gate in this March 3, 2019 file photo\n\nDock workers walked out on Monday.');
  assert.equal(r.paragraphs[1]!.role, 'caption');
  assert.equal(r.dateline, null);
  assert.equal(r.date, null);
});

test('a British dateline (“LEEDS, 14 March 2024 —”) dates the article, and a memo’s date further on does not', () => {
  const r = recordOf('Council approves budget\n\nLEEDS, 14 March 2024 — The council approved its budget on Thursday.\n\nA memo dated 2 January 2021 had warned of cuts.');
  assert.equal(r.dateline, 'Leeds');
  assert.equal(r.date, '2024-03-14');
  assert.equal(r.dateSource, 'dateline');
});
