/**
 * A realistic practice for a newcomer to look at, made through the API like any client of it: an owner
 * and two clinicians who can sign in, ~30 clients of every kind (individuals, minors with contacts,
 * couple / family / conjoint charts), tags, past and upcoming appointments, and open Needs Attention
 * items. Running it again changes nothing: every command carries the same Idempotency-Key, and the
 * steps that take none (sign-up, tags, invitation answers, bookings) look first or accept the "already"
 * answer.
 */

export interface DemoUser {
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: 'owner' | 'clinician';
}

export const DEMO_PASSWORD = 'practice core demo';
export const DEMO_PRACTICE = 'Harbour Light Therapy';

export const demoUsers: readonly DemoUser[] = [
  { email: 'olivia.owner@demo.practice-core.dev', firstName: 'Olivia', lastName: 'Marsh', role: 'owner' },
  { email: 'carl.clinician@demo.practice-core.dev', firstName: 'Carl', lastName: 'Okafor', role: 'clinician' },
  { email: 'dana.clinician@demo.practice-core.dev', firstName: 'Dana', lastName: 'Reyes', role: 'clinician' },
];

const TAGS = ['Anxiety', 'Depression', 'Couples work', 'Sliding scale', 'Telehealth', 'Waitlist'] as const;

const INDIVIDUALS = [
  ['Amelia', 'Hart'], ['Benjamin', 'Cole'], ['Chloe', 'Nakamura'], ['Daniel', 'Osei'], ['Eleanor', 'Price'],
  ['Felix', 'Moreau'], ['Grace', 'Lindqvist'], ['Hugo', 'Fernandes'], ['Isla', 'Murphy'], ['Jonah', 'Weiss'],
  ['Keira', 'Patel'], ['Liam', 'Andersen'], ['Maya', 'Goldberg'], ['Noah', 'Kowalski'], ['Olive', 'Bennett'],
  ['Priya', 'Raman'],
] as const;

const MINORS = [
  { child: ['Theo', 'Hart'], parent: ['Rachel', 'Hart', 'mother'], billing: true },
  { child: ['Zoe', 'Kim'], parent: ['Daniel', 'Kim', 'father'], billing: true },
  { child: ['Sam', 'Alvarez'], parent: ['Lucia', 'Alvarez', 'mother'], billing: true },
  { child: ['Ivy', 'Chen'], parent: ['Wei', 'Chen', 'guardian'], billing: false }, // no billing contact: Needs Attention
  { child: ['Leo', 'Brooks'], parent: ['Nina', 'Brooks', 'mother'], billing: true },
] as const;

type Answer = { readonly status: number; readonly body: any; readonly headers: Headers };

export interface DemoSummary {
  readonly practiceId: string;
  readonly users: readonly (DemoUser & { readonly password: string; readonly userId: string })[];
  readonly clients: number;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const seedDemo = async (base: string, log: (line: string) => void = () => undefined): Promise<DemoSummary> => {
  const call = async (token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, ok: readonly number[] = [200, 201]): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!ok.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    lastPosition = Math.max(lastPosition, Number(response.headers.get('x-consistency-token') ?? 0));
    return { status: response.status, body: parsed, headers: response.headers };
  };
  let lastPosition = 0;
  const key = (value: string) => ({ 'Idempotency-Key': `demo-${value}` });

  // Users: sign up (or already signed up), then sign in.
  const sessions = new Map<string, { token: string; userId: string }>();
  for (const user of demoUsers) {
    await call(undefined, 'POST', '/auth/sign-up', { email: user.email, password: DEMO_PASSWORD, firstName: user.firstName, lastName: user.lastName }, {}, [201, 409]);
    const signIn = await call(undefined, 'POST', '/auth/sign-in', { email: user.email, password: DEMO_PASSWORD });
    sessions.set(user.email, { token: signIn.body.accessToken, userId: signIn.body.userId });
  }
  const [owner, ...clinicians] = demoUsers.map((user) => sessions.get(user.email)!);

  // The practice, and the clinicians invited into it.
  const practice = await call(owner.token, 'POST', '/practices', { name: DEMO_PRACTICE }, key('practice'));
  const practiceId: string = practice.body.practiceId;
  const p = `/practices/${practiceId}`;
  for (const [index, user] of demoUsers.slice(1).entries()) {
    const invitation = await call(owner.token, 'POST', `${p}/invitations`, { email: user.email, role: 'clinician' }, key(`invite-${user.email}`));
    // 409: already answered by an earlier run.
    await call(clinicians[index].token, 'POST', `/invitations/${invitation.body.invitationId}/accept`, undefined, { 'X-Consistency-Token': String(invitation.body.position) }, [200, 409]);
    const menu = await call(clinicians[index].token, 'GET', '/me/menu', undefined, { 'X-Consistency-Token': String(lastPosition) });
    if (menu.body.selectedPracticeId !== practiceId) await call(clinicians[index].token, 'POST', '/me/practice-switches', { practiceId });
  }
  log(`practice ${DEMO_PRACTICE} (${practiceId}) with ${demoUsers.length} members`);

  // Tags: names are unique per practice, so a second run gets 409 and reads them back.
  for (const name of TAGS) await call(owner.token, 'POST', `${p}/tags`, { name }, {}, [201, 409]);
  const tagList = await call(owner.token, 'GET', `${p}/tags?limit=50`, undefined, {});
  const tagId = new Map<string, string>(tagList.body.items.map((tag: { tagId: string; name: string }) => [tag.name, tag.tagId]));

  const actors = [owner, ...clinicians];
  const actorOf = (index: number) => actors[index % actors.length];
  const practitioners = clinicians.map((c) => c.userId);

  // Individuals: some complete, some invited to the portal (Pending), two inactive, tagged.
  const individualIds: string[] = [];
  for (const [index, [firstName, lastName]] of INDIVIDUALS.entries()) {
    const actor = actorOf(index);
    const email = `${firstName}.${lastName}@demo-client.example`.toLowerCase();
    const phone = `+1 415 555 ${String(100 + index).padStart(4, '0')}`;
    const created = await call(actor.token, 'POST', `${p}/clients`, { firstName, lastName, email }, key(`client-${index}`));
    const clientId: string = created.body.clientId;
    individualIds.push(clientId);
    const c = `${p}/clients/${clientId}`;
    if (index % 2 === 0) await call(actor.token, 'PUT', `${c}/profile`, { firstName, lastName, email, phone }, key(`profile-${index}`));
    await call(actor.token, 'PUT', `${c}/overview`, { dateOfBirth: `${1960 + index * 2}-0${1 + (index % 9)}-1${index % 10}`, occupation: ['Teacher', 'Nurse', 'Engineer', 'Student', 'Designer'][index % 5] }, key(`overview-${index}`));
    await call(actor.token, 'POST', `${c}/tags`, { tagId: tagId.get(TAGS[index % TAGS.length]) }, key(`tag-${index}`));
    if (index % 3 === 0) await call(actor.token, 'POST', `${c}/tags`, { tagId: tagId.get('Telehealth') }, key(`tag-telehealth-${index}`));
    if (index % 4 !== 3) await call(actor.token, 'POST', `${c}/setup/complete`, undefined, key(`setup-${index}`));
    if (index % 5 === 1) await call(actor.token, 'POST', `${c}/portal/invitation`, undefined, key(`portal-${index}`));
    if (index === 14 || index === 15) await call(actor.token, 'POST', `${c}/deactivate`, undefined, key(`deactivate-${index}`));
  }

  // Minors, each with a parent or guardian as a new contact (one without a billing contact).
  const minorIds: string[] = [];
  for (const [index, minor] of MINORS.entries()) {
    const actor = actorOf(index + 1);
    const [firstName, lastName] = minor.child;
    const [parentFirst, parentLast, relationship] = minor.parent;
    const created = await call(actor.token, 'POST', `${p}/clients/minors`, {
      firstName,
      lastName,
      portalAccess: index % 2 === 0 ? 'guardian' : 'both',
      contacts: [{ new: { firstName: parentFirst, lastName: parentLast, phone: `+1 415 555 ${String(300 + index).padStart(4, '0')}` }, relationship, billing: minor.billing, receivesReminders: true, signsDocuments: true }],
    }, key(`minor-${index}`));
    minorIds.push(created.body.clientId);
    if (index < 3) await call(actor.token, 'POST', `${p}/clients/${created.body.clientId}/setup/complete`, undefined, key(`minor-setup-${index}`));
  }
  // A minor's second contact who is also a client of the practice.
  await call(owner.token, 'POST', `${p}/clients/${minorIds[0]}/contacts`, { clientId: individualIds[0], relationship: 'aunt', receivesReminders: true }, key('minor-0-aunt'));

  // Group charts: new members and existing clients; one without an Identified Patient (Needs Attention).
  const groups = [
    { kind: 'couple', name: 'The Hart-Coles', members: [{ clientId: individualIds[0], identifiedPatient: true }, { clientId: individualIds[1], billingContact: true }] },
    { kind: 'couple', name: 'Jordan & Casey', members: [{ new: { firstName: 'Jordan', lastName: 'Ellis', email: 'jordan.ellis@demo-client.example' }, identifiedPatient: true, billingContact: true }, { new: { firstName: 'Casey', lastName: 'Ellis' } }] },
    { kind: 'family', name: 'The Alvarez family', members: [{ new: { firstName: 'Lucia', lastName: 'Alvarez' }, billingContact: true }, { clientId: minorIds[2], identifiedPatient: true }, { new: { firstName: 'Marco', lastName: 'Alvarez' } }] },
    { kind: 'conjoint', name: 'Kowalski & Bennett', members: [{ clientId: individualIds[13] }, { new: { firstName: 'Ruth', lastName: 'Bennett' } }] },
  ];
  const groupIds: string[] = [];
  for (const [index, group] of groups.entries()) {
    const created = await call(actorOf(index).token, 'POST', `${p}/group-charts`, group, key(`group-${index}`));
    groupIds.push(created.body.chartId);
  }

  // Appointments: a completed one last week and an upcoming one next week, on a dozen charts. Their
  // times depend on the day, so a chart that has appointments already is left as it is.
  const now = Date.now();
  const at = (days: number, hour: number) => `${isoDay(new Date(now + days * 86_400_000))}T${String(hour).padStart(2, '0')}:00:00Z`;
  const booked = [...individualIds.slice(0, 8), ...minorIds.slice(0, 2), ...groupIds.slice(0, 2)];
  for (const [index, chartId] of booked.entries()) {
    const actor = actorOf(index);
    const chart = await call(actor.token, 'GET', `${p}/charts/${chartId}`);
    if ((chart.body.appointments ?? []).length > 0) continue;
    const practitionerId = practitioners[index % practitioners.length];
    const past = await call(actor.token, 'POST', `${p}/charts/${chartId}/appointments`, { start: at(-7 - (index % 5), 9 + (index % 8)), durationMinutes: 50, practitionerId });
    const appointmentId = past.body.appointmentId ?? past.body.created?.appointmentId;
    await call(actor.token, 'POST', `${p}/charts/${chartId}/appointments/${appointmentId}/complete`);
    await call(actor.token, 'POST', `${p}/charts/${chartId}/appointments`, { start: at(3 + (index % 10), 9 + (index % 8)), durationMinutes: index % 3 === 0 ? 80 : 50, practitionerId });
  }

  const list = await call(owner.token, 'GET', `${p}/clients?limit=100`, undefined, { 'X-Consistency-Token': String(lastPosition) });
  log(`${list.body.items.length} clients, ${TAGS.length} tags, ${booked.length * 2} appointments`);
  return {
    practiceId,
    users: demoUsers.map((user) => ({ ...user, password: DEMO_PASSWORD, userId: sessions.get(user.email)!.userId })),
    clients: list.body.items.length,
  };
};
