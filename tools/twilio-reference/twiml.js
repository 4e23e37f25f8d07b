// Builds, with Twilio's official helper library, the same TwiML responses as
// tests/Twilio.Protocol.Tests/TwiML/TwimlReferenceCases.cs, and prints {caseName: xml} as JSON.
// Keep the two files in step: same case names, same verbs, same attributes, same text.
'use strict';
const twilio = require('twilio');
const { VoiceResponse, MessagingResponse } = twilio.twiml;

const specialText = 'A & B < C > D "double" \'single\' ]]> %20 + plus';
const cases = {};

function voice(name, build) {
  const response = new VoiceResponse();
  build(response);
  cases[name] = response.toString();
}

function messaging(name, build) {
  const response = new MessagingResponse();
  build(response);
  cases[name] = response.toString();
}

voice('empty', () => {});

voice('say-chinese', (r) => {
  r.say({ voice: 'Polly.Zhiyu', language: 'zh-CN', loop: 2 }, '您好，这里是第一人民医院。请稍候。');
  r.say({ language: 'yue-HK' }, '你好，歡迎致電');
});

voice('say-special-characters', (r) => {
  r.say({ language: 'en-US' }, specialText);
  r.say({}, '第一行\r\n第二行\n\tTab 结束');
  r.say({}, 'Emoji 😀 and 𠀀 outside the BMP');
});

voice('attributes-special-characters', (r) => {
  r.redirect({ method: 'POST' }, '/twilio/voice/next?step=1&lang=zh-CN&q="x"<y>');
  r.play({ digits: 'ww1#*' }, 'https://cdn.example.com/音乐/hold music.mp3?a=1&b=2');
  r.gather({ action: '/twilio/next?q="x"&r=<y>&s=\'z\'', hints: 'tab\there, line\nbreak, 回车\r' });
});

voice('gather-menu', (r) => {
  const gather = r.gather({
    input: 'dtmf speech',
    numDigits: 1,
    timeout: 5,
    finishOnKey: '#',
    action: '/twilio/ivr/menu?step=1&lang=zh',
    method: 'POST',
    actionOnEmptyResult: true,
    language: 'cmn-Hans-CN',
    hints: '预约,取消,人工服务',
    speechTimeout: 'auto',
  });
  gather.say({ language: 'zh-CN' }, '预约请按1，取消请按2，人工服务请按0。');
  gather.pause({ length: 1 });
  gather.play({ loop: 1 }, 'https://cdn.example.com/beep.mp3');
  r.say({ language: 'zh-CN' }, '没有收到您的输入。');
  r.redirect({}, '/twilio/ivr/menu?retry=1');
});

voice('gather-dtmf-no-finish-key', (r) => {
  r.gather({ input: 'dtmf', finishOnKey: '', timeout: 10, speechTimeout: '3', numDigits: 11 });
  r.gather({ input: 'speech', language: 'en-US', actionOnEmptyResult: false, method: 'GET' });
});

voice('play-and-pause', (r) => {
  r.play({ digits: 'ww1234' });
  r.play({ loop: 0 }, 'https://cdn.example.com/hold.mp3');
  r.pause({ length: 3 });
  r.pause();
});

voice('record-voicemail', (r) => {
  r.say({ language: 'zh-CN' }, '请在提示音后留言，按星号键结束。');
  r.record({
    action: '/twilio/voicemail/done',
    method: 'POST',
    maxLength: 120,
    playBeep: true,
    timeout: 5,
    finishOnKey: '*',
    recordingStatusCallback: '/twilio/voicemail/recording',
  });
  r.hangup();
});

voice('enqueue-named-queue', (r) => {
  r.enqueue({
    action: '/twilio/queue/left',
    method: 'POST',
    waitUrl: '/twilio/queue/wait?lang=zh-CN',
    waitUrlMethod: 'GET',
    maxQueueSize: 50,
  }, '挂号咨询');
});

voice('enqueue-task', (r) => {
  const enqueue = r.enqueue({ workflowSid: 'WW0123456789abcdef0123456789abcdef' });
  enqueue.task({ priority: 10 }, '{"language":"zh-CN","reason":"预约 & 咨询","vip":true}');
});

voice('leave-hangup-reject', (r) => {
  r.leave();
  r.hangup();
  r.reject({ reason: 'busy' });
  r.reject();
  r.reject({ reason: 'rejected' });
});

voice('dial-nouns', (r) => {
  const dial = r.dial({
    action: '/twilio/dial/done',
    method: 'POST',
    callerId: '+861065529988',
    timeout: 20,
    record: 'record-from-answer-dual',
    answerOnBridge: true,
    timeLimit: 3600,
  });
  dial.number({ sendDigits: 'ww12', url: '/twilio/whisper', statusCallback: '/twilio/dial/status' }, '+8613800138000');
  dial.client({}, 'agent-张三');
  dial.sip({ username: 'hub', password: 'p&ss<word>' }, 'sip:agent@pbx.example.com;transport=tls');
});

voice('dial-whisper-urls', (r) => {
  const dial = r.dial({ action: '/twilio/voice/desk/dial-ended?offer=1&leg=1', answerOnBridge: true, timeout: 20 });
  dial.client({ url: '/twilio/voice/desk/whisper?offer=1&leg=1' }, 'agent1');
  dial.number({ url: '/twilio/voice/desk/whisper?offer=1&leg=1' }, '+8613900139000');
  dial.sip({ url: '/twilio/voice/desk/whisper?offer=1&leg=1' }, 'sip:agent1@pbx.example.com');
});

voice('dial-queue-and-conference', (r) => {
  r.dial({}).queue({ url: '/twilio/queue/whisper', method: 'POST' }, 'support');
  r.dial({ answerOnBridge: false }).conference({
    startConferenceOnEnter: true,
    endConferenceOnExit: false,
    waitUrl: '',
    beep: false,
    muted: true,
    statusCallback: '/twilio/conference/status',
  }, 'room-会诊-1');
});

voice('dial-plain-number', (r) => {
  r.dial({ timeout: 15 }, '+8613800138000');
});

voice('redirect-get', (r) => {
  r.redirect({ method: 'GET' }, 'https://hub.example.com/twilio/voice?x=1&y=2');
});

messaging('message-reply', (r) => {
  r.message({
    to: '+8613800138000',
    from: '+861065529988',
    action: '/twilio/sms/done',
    method: 'POST',
    statusCallback: '/twilio/sms/status',
  }, '您的预约已确认 ✅ 2026-11-24 09:30，回复 STOP 退订。');
  r.message({}, specialText);
});

messaging('message-empty-and-redirect', (r) => {
  r.redirect({ method: 'POST' }, '/twilio/sms/next');
});

process.stdout.write(JSON.stringify(cases));
