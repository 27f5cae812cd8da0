import { answerPayload, type HeaderReply } from './answer-headers.interceptor';
import { commandAnswer, HttpAnswer } from './command-answer';

/** A reply with only `header(name, value)`, the one thing Express and Fastify replies share here. */
const replyRecorder = () => {
  const headers: Record<string, string> = {};
  const reply: HeaderReply = { header: (name, value) => (headers[name] = value) };
  return { reply, headers };
};

const intercept = async (value: unknown) => {
  const { reply, headers } = replyRecorder();
  const body = answerPayload(reply, value);
  return { body, headers };
};

describe('answerPayload (the preSerialization hook of every answer)', () => {
  it("writes a command's revision as ETag and its position as X-Consistency-Token, and answers with the body", async () => {
    const { body, headers } = await intercept(commandAnswer({ revision: 3, position: 41 }, { chartId: 'c1', revision: 3 }));
    expect(body).toEqual({ chartId: 'c1', revision: 3, position: 41 });
    expect(headers).toEqual({ ETag: '"3"', 'X-Consistency-Token': '41' });
  });

  it('writes Location for a creating command', async () => {
    const { headers } = await intercept(commandAnswer({ revision: 0, position: 7 }, { clientId: 'c2' }, '/practices/p1/charts/c2'));
    expect(headers).toEqual({ ETag: '"0"', 'X-Consistency-Token': '7', Location: '/practices/p1/charts/c2' });
  });

  it('writes no ETag for a stream that does not exist, nor for an answer without a revision', async () => {
    expect((await intercept(commandAnswer({ revision: -1, position: 5 }, {}))).headers).toEqual({ 'X-Consistency-Token': '5' });
    expect((await intercept(commandAnswer({ position: 5 }, {}))).headers).toEqual({ 'X-Consistency-Token': '5' });
  });

  it('writes only what a read answer names (a chart: its revision)', async () => {
    const { body, headers } = await intercept(new HttpAnswer({ chartId: 'c3' }, { revision: 12 }));
    expect(body).toEqual({ chartId: 'c3' });
    expect(headers).toEqual({ ETag: '"12"' });
  });

  it('leaves any other answer as it is, with no header', async () => {
    const plain = { items: [], nextCursor: null };
    const { body, headers } = await intercept(plain);
    expect(body).toBe(plain);
    expect(headers).toEqual({});
  });
});
