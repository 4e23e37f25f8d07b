// Lists messages through Twilio's official Node library (npm twilio) against another base URL (the carrier
// simulator), for its tests. The library's own paging follows next_page_uri; a request client rewrites Twilio's
// address to the base URL, as one points the library at a mock.
// stdin: {baseUrl, accountSid, authToken, params}   params as the library takes them (to, from, dateSentAfter as
// ISO text, pageSize, limit)
// stdout: {messages: [{sid, to, from, body, status, direction, numSegments, dateSent}], requests: [url, ...]}
'use strict';
const twilio = require('twilio');

class RewritingClient extends twilio.RequestClient {
  constructor(baseUrl, requests) {
    super();
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.requests = requests;
  }

  request(opts) {
    const uri = opts.uri.replace(/^https:\/\/api\.twilio\.com/, this.baseUrl);
    const query = new URLSearchParams(opts.params || {}).toString();
    this.requests.push(query ? uri + (uri.includes('?') ? '&' : '?') + query : uri);
    return super.request({ ...opts, uri });
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const { baseUrl, accountSid, authToken, params } = JSON.parse(input);
  const requests = [];
  const client = twilio(accountSid, authToken, { httpClient: new RewritingClient(baseUrl, requests) });
  const options = { ...params };
  if (options.dateSentAfter) options.dateSentAfter = new Date(options.dateSentAfter);
  try {
    const list = await client.messages.list(options);
    const messages = list.map((m) => ({
      sid: m.sid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: m.status,
      direction: m.direction,
      numSegments: m.numSegments,
      dateSent: m.dateSent ? m.dateSent.toISOString() : null,
    }));
    process.stdout.write(JSON.stringify({ messages, requests }));
  } catch (error) {
    process.stderr.write(String(error && error.stack || error));
    process.exit(1);
  }
});
