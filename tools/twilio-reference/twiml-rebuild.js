// Rebuilds TwiML documents with Twilio's official helper library, verb by verb and noun by noun, and prints
// {caseName: xml} as JSON. Input on stdin: {caseName: {name, attributes, text, children}} (the Response element).
// A verb or noun the library has no method for at that place (a noun outside <Dial>, a verb inside <Record>)
// fails the run naming it: the check that a document the hub serves is TwiML the way Twilio's own library writes it.
'use strict';
const fs = require('fs');
const { VoiceResponse } = require('twilio').twiml;

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const output = {};

function add(parent, node, path) {
  const method = node.name.charAt(0).toLowerCase() + node.name.slice(1);
  if (typeof parent[method] !== 'function' || ['toString', 'comment', 'addChild', 'addText', 'commentAfter', 'commentBefore'].includes(method)) {
    throw new Error(`<${node.name}> is not TwiML inside ${path}`);
  }

  const child = node.text === null ? parent[method](node.attributes) : parent[method](node.attributes, node.text);
  for (const grandchild of node.children) {
    add(child, grandchild, `${path}/<${node.name}>`);
  }
}

for (const [name, root] of Object.entries(input)) {
  if (root.name !== 'Response') {
    throw new Error(`${name}: the root is <${root.name}>, not <Response>`);
  }

  const response = new VoiceResponse();
  for (const verb of root.children) {
    add(response, verb, `${name}: <Response>`);
  }

  output[name] = response.toString();
}

process.stdout.write(JSON.stringify(output));
