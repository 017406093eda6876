import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { bbb } from '../../../lib/detect/bbb';
import { iserv } from '../../../lib/detect/iserv';
import { loadFixture, parseHtml } from '../fixture-dom';

const v2 = new URL('https://bbb.schule-musterstadt.de/html5client/join?sessionToken=abc');
const v3 = new URL('https://bbb.schule-musterstadt.de/html5client/?sessionToken=abc');

describe('BigBlueButton 2.x', () => {
  it('audio setup right after joining', () => {
    expect(bbb.detect(loadFixture('bbb/2x/audio-setup.html'), v2)?.phase).toBe('audio-setup');
  });

  it('moderator with 3 users, recordable but not recording', () => {
    expect(bbb.detect(loadFixture('bbb/2x/meeting-moderator.html'), v2)).toEqual({
      platform: 'bbb',
      phase: 'meeting',
      room: 'Mathe 7b',
      moderator: true,
      participants: 3,
      recording: false,
      protected: 'unknown',
    });
  });

  it('ended, with and without the feedback form', () => {
    expect(bbb.detect(loadFixture('bbb/2x/ended.html'), v2)?.phase).toBe('ended');
    expect(bbb.detect(loadFixture('bbb/2x/ended-feedback.html'), v2)?.phase).toBe('ended');
  });

  it('guest lobby page: waiting for approval proves the room has it', () => {
    const wait = new URL('https://bbb.schule-musterstadt.de/html5client/guestWait?sessionToken=abc');
    expect(bbb.detect(loadFixture('bbb/2x/guest-wait.html'), wait)).toMatchObject({ phase: 'lobby', protected: true, moderator: false });
  });
});

describe('BigBlueButton 3.x', () => {
  it('audio setup', () => {
    expect(bbb.detect(loadFixture('bbb/3x/audio-setup.html'), v3)?.phase).toBe('audio-setup');
  });

  it('moderator, 3 users, recording running', () => {
    expect(bbb.detect(loadFixture('bbb/3x/meeting-moderator-recording.html'), v3)).toEqual({
      platform: 'bbb',
      phase: 'meeting',
      room: 'Mathe 7b',
      moderator: true,
      participants: 3,
      recording: true,
      protected: 'unknown',
    });
  });

  it('recordable but not running: the indicator alone proves nothing', () => {
    expect(bbb.detect(loadFixture('bbb/3x/meeting-moderator-notrecording.html'), v3)).toMatchObject({ recording: false, moderator: true });
  });

  it('a viewer in a meeting that cannot be recorded', () => {
    expect(bbb.detect(loadFixture('bbb/3x/meeting-participant.html'), v3)).toMatchObject({
      phase: 'meeting',
      moderator: false,
      participants: 3,
      recording: false,
    });
  });

  it('a moderator alone', () => {
    expect(bbb.detect(loadFixture('bbb/3x/moderator-alone.html'), v3)).toMatchObject({ moderator: true, participants: 1 });
  });

  it('ended', () => {
    expect(bbb.detect(loadFixture('bbb/3x/ended.html'), v3)?.phase).toBe('ended');
  });

  it('guest lobby inside the client', () => {
    expect(bbb.detect(loadFixture('bbb/3x/guest-wait.html'), v3)).toMatchObject({ phase: 'lobby', protected: true });
  });

  it('English labels of the recording indicator', () => {
    const doc = loadFixture('bbb/3x/meeting-moderator-recording.html');
    doc.querySelector('[data-test="recordingIndicator"] [role="button"]')?.setAttribute('aria-label', 'Pause recording');
    expect(bbb.detect(doc, v3)?.recording).toBe(true);
  });

  it('an unknown label leaves recording unknown', () => {
    const doc = loadFixture('bbb/3x/meeting-moderator-recording.html');
    doc.querySelector('[data-test="recordingIndicator"] [role="button"]')?.setAttribute('aria-label', 'Mettre en pause');
    expect(bbb.detect(doc, v3)?.recording).toBe('unknown');
  });

  it('missing attributes leave facts unknown, never guessed', () => {
    const doc = loadFixture('bbb/3x/meeting-moderator-recording.html');
    doc.querySelectorAll('[data-test="moderatorAvatar"], [data-test="manageUsers"]').forEach((n) => n.remove());
    doc.querySelector('[data-test-users-count]')?.removeAttribute('data-test-users-count');
    doc.querySelector('[data-test="presentationTitle"]')?.remove();
    expect(bbb.detect(doc, v3)).toMatchObject({ moderator: 'unknown', participants: 'unknown', room: null, recording: true });
  });
});

describe('not BigBlueButton', () => {
  it('a help page with its own #app', () => {
    expect(detect(loadFixture('bbb/negative/bbb-docs.html'), new URL('https://bbb.schule-musterstadt.de/hilfe/bbb'))).toBeNull();
  });

  it('the client markup outside /html5client', () => {
    expect(bbb.detect(loadFixture('bbb/3x/meeting-participant.html'), new URL('https://bbb.schule-musterstadt.de/kopie/'))).toBeNull();
  });

  it('the client shell before it rendered', () => {
    const doc = parseHtml(
      '<script src="/html5client/compatibility/sip.js"></script><div id="aria-polite-alert"></div><main><div id="app" role="document"></div></main><div id="modals-container"></div>',
    );
    expect(bbb.detect(doc, v3)).toBeNull();
  });

  it('a page under /html5client with a few of the client\'s test attributes and a recording label (spoof)', () => {
    const spoof = new URL('https://cloud.schule-musterstadt.de/html5client/join?sessionToken=spoof');
    expect(detect(loadFixture('negative/spoof-bbb.html'), spoof)).toBeNull();
  });

  it('needs the whole page shell of the client', () => {
    for (const signal of ['script[src*="compatibility/sip.js"]', '#aria-polite-alert', '#modals-container']) {
      const doc = loadFixture('bbb/3x/meeting-moderator-recording.html');
      doc.querySelector(signal)?.remove();
      expect(bbb.detect(doc, v3), signal).toBeNull();
    }
  });
});

describe('the recording alarm', () => {
  it('never comes from the indicator alone: the meeting must have rendered its user list', () => {
    const doc = loadFixture('bbb/3x/meeting-moderator-recording.html');
    doc.querySelector('[data-test="userListItemCurrent"]')?.remove();
    expect(bbb.detect(doc, v3)).toMatchObject({ phase: 'meeting', recording: 'unknown' });
  });

  it('a running recording in a rendered meeting of the full client', () => {
    expect(bbb.detect(loadFixture('bbb/3x/meeting-moderator-recording.html'), v3)?.recording).toBe(true);
  });
});

describe('IServ Videokonferenz', () => {
  it('the BigBlueButton servers IServ runs belong to IServ', () => {
    const url = new URL('https://meet01.videoconference.iserv.eu/html5client/join?sessionToken=abc');
    expect(detect(loadFixture('bbb/3x/meeting-participant.html'), url)).toMatchObject({ platform: 'iserv', phase: 'meeting' });
  });

  it('the portal room list and room page', () => {
    expect(iserv.detect(loadFixture('frontends/iserv/videoconference.html'), new URL('https://schule.de/iserv/videoconference'))).toMatchObject({
      phase: 'portal',
      room: null,
    });
    expect(iserv.detect(loadFixture('frontends/iserv/room.html'), new URL('https://schule.de/iserv/videoconference/room/7b2c9e41'))).toMatchObject({
      phase: 'prejoin',
      room: 'AG Robotik',
    });
  });

  it('other IServ modules are no conference', () => {
    expect(detect(parseHtml('<h1>E-Mail</h1>'), new URL('https://schule.de/iserv/mail'))).toBeNull();
  });
});

describe('a large page', () => {
  it('detects a meeting among 10,000 nodes and stays null for 10,000 plain nodes', () => {
    const meeting = loadFixture('bbb/3x/meeting-participant.html');
    const plain = parseHtml('<main></main>');
    for (const doc of [meeting, plain]) {
      const box = doc.createElement('div');
      for (let i = 0; i < 10_000; i++) box.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
      doc.body.appendChild(box);
    }
    expect(detect(meeting, v3)).toMatchObject({ platform: 'bbb', phase: 'meeting' });
    expect(detect(plain, v3)).toBeNull();
    // Building 20,000 nodes in happy-dom takes seconds on a busy machine: no time limit here
    // (speed is measured by npm run bench).
  }, 60_000);
});
