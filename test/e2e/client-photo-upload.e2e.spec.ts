import { createdPractice, signedInUser, startTestApp, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** "Name and photo — Upload or update their profile picture": the picture is uploaded here, not elsewhere. */
describe('The client profile photo: an image uploaded to the chart', () => {
  let app: TestApp;
  let owner: { auth: Auth };
  let practice: string;
  let chart: string;
  let otherChart: string;

  const upload = (chartId: string, content: Buffer, filename: string, contentType: string) =>
    app.http().post(`/practices/${practice}/charts/${chartId}/files`).set(owner.auth).attach('file', content, { filename, contentType });
  const setPhoto = (body: object) => app.http().put(`/practices/${practice}/clients/${chart}/photo`).set(owner.auth).send(body);
  const head = () => app.runtime.eventStore.headPosition();

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Olive');
    practice = await createdPractice(app, owner.auth, 'Calm Minds');
    chart = (await app.http().post(`/practices/${practice}/clients`).set(owner.auth).send({ firstName: 'Grace', lastName: 'Hopper' })).body.clientId;
    otherChart = (await app.http().post(`/practices/${practice}/clients`).set(owner.auth).send({ firstName: 'Ann', lastName: 'Other' })).body.clientId;
  });
  afterAll(async () => app.destroy());

  it('sets the photo from an uploaded image: the chart shows its download path, which answers the bytes', async () => {
    const uploaded = await upload(chart, PNG, 'grace.png', 'image/png');
    expect(uploaded.status).toBe(201);
    const set = await setPhoto({ fileId: uploaded.body.fileId });
    expect(set.status).toBe(200);
    const photoPath = `/practices/${practice}/charts/${chart}/files/${uploaded.body.fileId}`;
    const doc = await app.http().get(`/practices/${practice}/charts/${chart}`).set(owner.auth).set('X-Consistency-Token', set.headers['x-consistency-token']);
    expect(doc.body.profile.photoRef).toBe(photoPath);
    const download = await app.http().get(photoPath).set(owner.auth);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('refuses a file that is not an image, a file of another chart, and both references at once, appending nothing', async () => {
    const pdf = await upload(chart, PDF, 'intake.pdf', 'application/pdf');
    const elsewhere = await upload(otherChart, PNG, 'ann.png', 'image/png');
    const before = await head();
    const notImage = await setPhoto({ fileId: pdf.body.fileId });
    expect(notImage.status).toBe(422);
    expect(notImage.body.errors[0].pointer).toBe('/fileId');
    const otherChartsFile = await setPhoto({ fileId: elsewhere.body.fileId });
    expect(otherChartsFile.status).toBe(404);
    expect(otherChartsFile.body.code).toBe('FileNotFound');
    const both = await setPhoto({ fileId: elsewhere.body.fileId, photoRef: 'uploads/grace.png' });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].pointer).toBe('/fileId');
    const notUuid = await setPhoto({ fileId: 'grace.png' });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].pointer).toBe('/fileId');
    expect(await head()).toBe(before);
  });
});
