// Signs and validates requests with Twilio's official helper library, for the Twilio.Protocol tests.
// stdin: a JSON array of cases; stdout: a JSON array of results, one per case, in order.
//   {kind: "form", token, url, params: [[name, value], ...]}      -> {signature, valid}
//   {kind: "json", token, url, body}                              -> {url, bodyHash, signature, valid}
//   {kind: "validate-form", token, url, params, signature}        -> {valid}
//   {kind: "validate-json", token, url, body, signature}          -> {valid}
// A repeated name in params becomes an array, as a form body parser gives it to the library.
'use strict';
const twilio = require('twilio');

function toParams(pairs) {
  const params = {};
  for (const [name, value] of pairs || []) {
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      params[name] = [].concat(params[name], value);
    } else {
      params[name] = value;
    }
  }
  return params;
}

function run(c) {
  switch (c.kind) {
    case 'form': {
      const params = toParams(c.params);
      const signature = twilio.getExpectedTwilioSignature(c.token, c.url, params);
      return { signature, valid: twilio.validateRequest(c.token, signature, c.url, params) };
    }
    case 'json': {
      const bodyHash = twilio.getExpectedBodyHash(c.body);
      const url = c.url + (c.url.includes('?') ? '&' : '?') + 'bodySHA256=' + bodyHash;
      const signature = twilio.getExpectedTwilioSignature(c.token, url, {});
      return { url, bodyHash, signature, valid: twilio.validateRequestWithBody(c.token, signature, url, c.body) };
    }
    case 'validate-form':
      return { valid: twilio.validateRequest(c.token, c.signature, c.url, toParams(c.params)) };
    case 'validate-json':
      return { valid: twilio.validateRequestWithBody(c.token, c.signature, c.url, c.body) };
    default:
      throw new Error('unknown case kind ' + c.kind);
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map(run)));
});
