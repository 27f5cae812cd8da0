import { practiceRequests, type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * "Creating a Client", minors: "Select Billing Contact if the contact should receive billing documents."
 * A minor's billing settings bill only a contact who is a Billing Contact of the chart.
 */
describe('Creating a Client: a minor is billed to a Billing Contact only (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const { post, put, get, del } = practiceRequests(() => ({ app, auth, practiceId }));
  const head = () => app.runtime.eventStore.headPosition();

  it('bills the contact selected as Billing Contact, and refuses one who is not (422 naming billingContactId, nothing appended)', async () => {
    const minor = await post('/clients/minors', {
      firstName: 'Tim', lastName: 'Smith',
      contacts: [
        { new: { firstName: 'Bob', lastName: 'Smith' }, relationship: 'father', billing: true },
        { new: { firstName: 'Ann', lastName: 'Smith' }, relationship: 'aunt', receivesReminders: true },
      ],
    });
    expect(minor.status).toBe(201);
    const [bob, ann] = minor.body.contactIds as string[];
    const tim = minor.body.clientId as string;

    const before = await head();
    const refused = await put(`/charts/${tim}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: ann });
    expect([refused.status, refused.body.code, refused.body.errors[0].pointer]).toEqual([422, 'InvalidBillTo', '/billingContactId']);
    expect(await head()).toBe(before);

    const billed = await put(`/charts/${tim}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: bob });
    expect(billed.status).toBe(200);
    expect((await get(`/charts/${tim}/billing-settings`)).body.settings).toMatchObject({ billTo: 'contact', billingContactId: bob });

    // Once Ann is made a Billing Contact of the chart, she can be billed.
    expect((await put(`/clients/${tim}/contacts/${ann}/roles`, { billing: true, signsDocuments: false, receivesReminders: true, viewsUpcomingAppointments: false })).status).toBe(200);
    expect((await put(`/charts/${tim}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: ann })).status).toBe(200);
  });

  it('keeps the billed contact linked and a Billing Contact until the settings bill another (422 BilledContact, nothing appended)', async () => {
    const minor = await post('/clients/minors', {
      firstName: 'Lea', lastName: 'Brown',
      contacts: [
        { new: { firstName: 'Joe', lastName: 'Brown' }, relationship: 'father', billing: true },
        { new: { firstName: 'Eva', lastName: 'Brown' }, relationship: 'mother', billing: true },
      ],
    });
    const [joe, eva] = minor.body.contactIds as string[];
    const lea = minor.body.clientId as string;
    expect((await put(`/charts/${lea}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: joe })).status).toBe(200);

    const before = await head();
    const unlinked = await del(`/clients/${lea}/contacts/${joe}`);
    expect([unlinked.status, unlinked.body.code]).toEqual([422, 'BilledContact']);
    // The contact is named as the path's parameter it came in, not as a body field.
    expect(unlinked.body.errors).toEqual([{ parameter: 'contactId', field: 'contactId', message: expect.any(String) }]);
    const unroled = await put(`/clients/${lea}/contacts/${joe}/roles`, { billing: false, signsDocuments: false, receivesReminders: true, viewsUpcomingAppointments: false });
    expect([unroled.status, unroled.body.code, unroled.body.errors[0].pointer]).toEqual([422, 'BilledContact', '/billing']);
    expect(await head()).toBe(before);

    expect((await put(`/charts/${lea}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: eva })).status).toBe(200);
    expect((await del(`/clients/${lea}/contacts/${joe}`)).status).toBe(200);
  });
});
