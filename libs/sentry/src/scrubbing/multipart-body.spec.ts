import { scrubRequestBody } from './request-body';
import { createScrubEngine } from './scrub-engine';

const engine = createScrubEngine();
const F = '[Filtered]';

function multipart(boundary: string, fields: Array<[string, string, string?]>, newline = '\r\n'): string {
  const parts = fields.map(([name, value, filename]) => {
    const disposition = `Content-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
    const type = filename ? `${newline}Content-Type: text/plain` : '';
    return `--${boundary}${newline}${disposition}${type}${newline}${newline}${value}${newline}`;
  });
  return `${parts.join('')}--${boundary}--${newline}`;
}

describe('multipart/form-data bodies', () => {
  it('filters sensitive fields and keeps harmless ones readable', () => {
    const body = multipart('----WebKitFormBoundaryQ3xR8tZp', [
      ['display_name', 'Grace H.'],
      ['currentPassword', 'tulip-Harbor-5521'],
      ['webhook_secret', 'whk-0093-mnb'],
      ['avatar_caption', 'on the boat'],
    ]);
    const scrubbed = scrubRequestBody(body, engine) as string;
    expect(scrubbed).toBe(multipart('----WebKitFormBoundaryQ3xR8tZp', [
      ['display_name', 'Grace H.'], ['currentPassword', F], ['webhook_secret', F], ['avatar_caption', 'on the boat'],
    ]));
    expect(scrubRequestBody(scrubbed, engine)).toBe(scrubbed);
  });

  it('scans harmless fields and text files by value, with LF newlines too', () => {
    const body = multipart('xYz-boundary-77', [['note', 'card 4000 0566 5566 5556 please'], ['config', 'db_pass=Vr4-oak-19\nport=5432', 'app.env']], '\n');
    const scrubbed = scrubRequestBody(body, engine) as string;
    expect(scrubbed).toContain(`card ${F} please`);
    expect(scrubbed).toContain(`db_pass=${F}\nport=5432`);
    expect(scrubbed).toContain('name="config"; filename="app.env"');
  });

  it('handles a body the SDK cut inside a sensitive part', () => {
    const body = multipart('b0undary', [['filler', 'x'.repeat(9_950)], ['client_secret', 'Nq8-cut-in-half-3317-long-value']]);
    const cut = `${body.slice(0, body.indexOf('Nq8') + 10)}...`;
    const scrubbed = scrubRequestBody(cut, engine) as string;
    expect(scrubbed).not.toContain('Nq8-cut');
    expect(scrubbed).toContain(`name="client_secret"\r\n\r\n${F}`);
  });

  it('leaves text that only starts with dashes alone', () => {
    expect(scrubRequestBody('-- a note, not a body', engine)).toBe('-- a note, not a body');
  });
});
