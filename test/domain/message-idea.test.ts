import { ideaFromMessage, plainTextOf } from '../../src/domain/message-idea';
import { searchTermsOf } from '../../src/domain/similarity';

const LINK = 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1733300000001';

describe('a message as plain text', () => {
  it('takes tags out, keeps line breaks, decodes entities, drops scripts and styles with what is inside them', () => {
    const html = '<div>Line <b>one</b>&nbsp;&amp; more<br/>Line two</div><ul><li>first</li><li>second</li></ul><script>alert(1)</script><style>b{}</style><!-- note -->&#x1F600; &#8211; &lt;tag&gt; &unknown;';
    expect(plainTextOf({ contentType: 'html', content: html })).toEqual({ text: 'Line one & more\nLine two\n\n- first\n- second\n😀 – <tag> &unknown;', images: 0 });
  });

  it('counts images, survives unclosed tags and comments, and drops control characters from numeric entities', () => {
    expect(plainTextOf({ contentType: 'html', content: '<p><img src="a.png"><img src="b.png"></p>' })).toEqual({ text: '', images: 2 });
    expect(plainTextOf({ contentType: 'html', content: 'Start <script>never closed' }).text).toBe('Start');
    expect(plainTextOf({ contentType: 'html', content: 'Start <!-- never closed' }).text).toBe('Start');
    expect(plainTextOf({ contentType: 'html', content: 'a&#0;b&#x7;c &#1114112;d <b' }).text).toBe('abc d');
  });

  it('leaves plain text as it is, but for spaces and blank lines', () => {
    expect(plainTextOf({ contentType: 'text', content: '  <b>not a tag</b>  \r\n\r\n\r\n\tsecond  ' }).text).toBe('<b>not a tag</b>\n\nsecond');
  });
});

describe('an idea from a message', () => {
  it('has the first line as its title and the text with a link back as its problem', () => {
    expect(ideaFromMessage({ contentType: 'html', content: '<p>Bulky uplifts online</p><p>Residents phone.</p>', attachments: 0, link: LINK })).toEqual({
      values: { title: 'Bulky uplifts online', problem: `Bulky uplifts online\nResidents phone.\n\nRaised from a Teams message: ${LINK}` },
      notes: [],
    });
  });

  it('cuts a long first line to the title limit at a word, and a long text to the problem limit with the link kept', () => {
    const text = `${'word '.repeat(40)}\n${'y'.repeat(5000)}`;
    const idea = ideaFromMessage({ contentType: 'text', content: text, attachments: 0, link: LINK });
    expect(Array.from(idea.values.title ?? '').length).toBeLessThanOrEqual(120);
    expect(idea.values.title).toMatch(/^word( word)+…$/);
    expect(Array.from(idea.values.problem ?? '').length).toBeLessThanOrEqual(4000);
    expect(idea.values.problem).toMatch(new RegExp(`…\\n\\nRaised from a Teams message: ${LINK.replace(/[.?]/g, '\\$&')}$`));
    expect(idea.notes).toEqual(['The message is longer than the form takes, so the problem was cut to 4,000 characters: check its end.']);
  });

  it('says what it could not take: no text, only an image or a file, no link', () => {
    expect(ideaFromMessage({ contentType: 'html', content: '<img src="a.png">', attachments: 0, link: null })).toEqual({
      values: { title: '', problem: '' },
      notes: ['The message has only an image or a file, no text, so nothing could be filled in from it: describe the idea yourself.', 'Teams gave no link back to the message.'],
    });
    expect(ideaFromMessage({ contentType: 'html', content: ' ', attachments: 1, link: LINK }).notes[0]).toContain('only an image or a file');
    expect(ideaFromMessage({ contentType: 'html', content: '', attachments: 0, link: LINK }).notes).toEqual(['The message has no text, so nothing could be filled in from it: describe the idea yourself.']);
  });
});

describe('the terms of a compose-box search', () => {
  it('stems the words typed, leaves out stop words, and keeps the last word as a prefix', () => {
    expect(searchTermsOf('Bookings for the bulky upl')).toEqual({ terms: ['booking', 'bulky'], prefix: 'upl' });
    expect(searchTermsOf('the council')).toEqual({ terms: [], prefix: null });
    expect(searchTermsOf('payments.')).toEqual({ terms: ['payment'], prefix: null });
  });
});
