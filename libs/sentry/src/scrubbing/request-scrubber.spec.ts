import type { Event, RequestEventData } from '@sentry/core';
import { createScrubber } from './create-scrubber';

const F = '[Filtered]';

function scrubRequest(request: RequestEventData, options = {}): RequestEventData {
  const event = createScrubber(options).scrubEvent<Event>({ event_id: 'e1', request });
  if (event?.request === undefined) throw new Error('request was dropped');
  return event.request;
}

describe('request.headers', () => {
  it('filters credential and IP headers by name and keeps the others readable', () => {
    const { headers } = scrubRequest({
      headers: {
        Authorization: 'Bearer abc',
        'proxy-authorization': 'Basic xyz',
        'x-api-key': 'k1',
        'X-Auth-Token': 't1',
        'x-csrf-token': 'c1',
        'x-forwarded-for': '203.0.113.7',
        'x-real-ip': '203.0.113.7',
        'x-tenant-secret': 's1',
        'user-agent': 'Mozilla/5.0',
        accept: 'application/json',
        host: 'shop.example.com',
      },
    });
    expect(headers).toEqual({
      Authorization: F,
      'proxy-authorization': F,
      'x-api-key': F,
      'X-Auth-Token': F,
      'x-csrf-token': F,
      'x-forwarded-for': F,
      'x-real-ip': F,
      'x-tenant-secret': F,
      'user-agent': 'Mozilla/5.0',
      accept: 'application/json',
      host: 'shop.example.com',
    });
  });

  it('parses the cookie header and filters session-like cookies by name', () => {
    const { headers } = scrubRequest({
      headers: { cookie: 'theme=dark; connect.sid=s%3Aabc; _ga=GA1.2.3; XSRF-TOKEN=xyz; JSESSIONID=j1' },
    });
    expect(headers?.cookie).toBe(`theme=dark; connect.sid=${F}; _ga=GA1.2.3; XSRF-TOKEN=${F}; JSESSIONID=${F}`);
  });

  it('filters the cookie of a set-cookie header and keeps its attributes', () => {
    const { headers } = scrubRequest({ headers: { 'Set-Cookie': 'sessionid=abc; Path=/; HttpOnly' } });
    expect(headers?.['Set-Cookie']).toBe(`sessionid=${F}; Path=/; HttpOnly`);
  });

  it('scans other header values with the value patterns', () => {
    const { headers } = scrubRequest({ headers: { referer: 'https://shop.example.com/cb?code=1&access_token=abc' } });
    expect(headers?.referer).toBe(`https://shop.example.com/cb?code=1&access_token=${F}`);
  });

  it('honours allowKeys for headers', () => {
    const { headers } = scrubRequest({ headers: { 'x-api-key': 'public-demo-key' } }, { allowKeys: ['x-api-key'] });
    expect(headers?.['x-api-key']).toBe('public-demo-key');
  });
});

describe('request.cookies', () => {
  it('filters session, login and CSRF cookies by name and scans the others', () => {
    const cookies = {
      session: 'a', sessionid: 'b', sid: 'c', 'connect.sid': 'd', PHPSESSID: 'e', JSESSIONID: 'f',
      csrftoken: 'g', _csrf: 'h', 'XSRF-TOKEN': 'i', remember_token: 'j', _gh_sess: 'k',
      laravel_session: 'l', 'ASP.NET_SessionId': 'm', '.ASPXAUTH': 'n', remember_me: 'o',
      theme: 'dark', _ga: 'GA1.2.3', tracking: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    };
    const expected = Object.fromEntries(Object.keys(cookies).map((name) => [name, F]));
    expect(scrubRequest({ cookies }).cookies).toEqual({ ...expected, theme: 'dark', _ga: 'GA1.2.3' });
  });
});

describe('request.url and request.query_string', () => {
  it('filters passwords and sensitive parameters in the URL', () => {
    const { url } = scrubRequest({ url: 'https://bob:pw@api.example.com/v1/x?api_key=k&page=2#id_token=t' });
    expect(url).toBe(`https://bob:${F}@api.example.com/v1/x?api_key=${F}&page=2#id_token=${F}`);
  });

  it('filters a query string in string form', () => {
    expect(scrubRequest({ query_string: 'token=abc&page=2&session_id=s' }).query_string).toBe(
      `token=${F}&page=2&session_id=${F}`,
    );
  });

  it('filters a query string in object form', () => {
    expect(scrubRequest({ query_string: { token: 'abc', page: '2' } }).query_string).toEqual({ token: F, page: '2' });
  });

  it('filters a query string in array-of-pairs form', () => {
    expect(scrubRequest({ query_string: [['token', 'abc'], ['page', '2']] }).query_string).toEqual([
      ['token', F],
      ['page', '2'],
    ]);
  });
});

describe('request.data', () => {
  it('parses a JSON body, filters by key and re-serializes it', () => {
    const data = JSON.stringify({ user: { email: 'a@b.co', password: 'x' }, card: { number: '4111111111111111' } });
    expect(JSON.parse(scrubRequest({ data }).data as string)).toEqual({
      user: { email: F, password: F },
      card: { number: F },
    });
  });

  it('parses a form body, filters by key and re-encodes it readably', () => {
    expect(scrubRequest({ data: 'user=bob&password=hunter2&note=hello+world&csrf_token=c' }).data).toBe(
      `user=bob&password=${F}&note=hello+world&csrf_token=${F}`,
    );
  });

  it('falls back to the value patterns on a truncated JSON body', () => {
    const data = `{"user":"bob","password":"hunter2","items":[${'1,'.repeat(50)}...`;
    const scrubbed = scrubRequest({ data }).data as string;
    expect(scrubbed).toContain(`"password":"${F}"`);
    expect(scrubbed).not.toContain('hunter2');
  });

  it('keeps a text body that is neither JSON nor a form, scanning it', () => {
    expect(scrubRequest({ data: 'plain text with Bearer abcdef123456' }).data).toBe(`plain text with Bearer ${F}`);
    expect(scrubRequest({ data: 'SGVsbG8gd29ybGQ=' }).data).toBe('SGVsbG8gd29ybGQ=');
  });

  it('walks a body that is already an object, without mutating it', () => {
    const data = { password: 'x', nested: { token: 'y', ok: 1 } };
    expect(scrubRequest({ data }).data).toEqual({ password: F, nested: { token: F, ok: 1 } });
    expect(data.password).toBe('x');
  });

  it('scrubs env by key', () => {
    expect(scrubRequest({ env: { DB_PASSWORD: 'x', NODE_ENV: 'production' } }).env).toEqual({
      DB_PASSWORD: F,
      NODE_ENV: 'production',
    });
  });
});
