// Fetches calls through Twilio's official Node library (npm twilio) against another base URL (the carrier
// simulator), for its tests: client.calls(sid).fetch(), as a hub would ask the carrier where a call got to.
// A request client rewrites Twilio's address to the base URL, as one points the library at a mock.
// stdin: {baseUrl, accountSid, authToken, sids: [sid, ...]}
// stdout: {calls: [{sid, found, status, to, from, answeredBy, direction, dateCreated, code}], requests: [url, ...]}
//   found false: the library threw a RestException (code and status are Twilio's error code and HTTP status).
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
    this.requests.push(opts.method.toUpperCase() + ' ' + uri);
    return super.request({ ...opts, uri });
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const { baseUrl, accountSid, authToken, sids } = JSON.parse(input);
  const requests = [];
  const client = twilio(accountSid, authToken, { httpClient: new RewritingClient(baseUrl, requests) });
  const calls = [];
  try {
    for (const sid of sids) {
      try {
        const c = await client.calls(sid).fetch();
        calls.push({
          sid: c.sid,
          found: true,
          status: c.status,
          to: c.to,
          from: c.from,
          answeredBy: c.answeredBy,
          direction: c.direction,
          dateCreated: c.dateCreated ? c.dateCreated.toISOString() : null,
          code: null,
        });
      } catch (error) {
        if (!(error instanceof twilio.RestException)) throw error;
        calls.push({ sid, found: false, status: error.status, code: error.code });
      }
    }
    process.stdout.write(JSON.stringify({ calls, requests }));
  } catch (error) {
    process.stderr.write(String(error && error.stack || error));
    process.exit(1);
  }
});
