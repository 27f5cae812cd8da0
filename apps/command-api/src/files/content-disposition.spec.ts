import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('names an ASCII file as it is, in both parameters', () => {
    expect(contentDisposition('intake form.pdf')).toBe(`attachment; filename="intake form.pdf"; filename*=UTF-8''intake%20form.pdf`);
  });

  it('encodes any other character in filename* and replaces it in the ASCII fallback', () => {
    expect(contentDisposition('Zoë "notes"; 100%.txt')).toBe(
      `attachment; filename="Zo_ _notes_; 100_.txt"; filename*=UTF-8''Zo%C3%AB%20%22notes%22%3B%20100%25.txt`,
    );
  });

  it("percent-encodes the characters RFC 8187 does not allow bare (' ( ) * !)", () => {
    expect(contentDisposition("it's (1)*!.png")).toContain(`filename*=UTF-8''it%27s%20%281%29%2A%21.png`);
  });
});
