import { acceptsMultipart } from './multipart-routes';

const request = (method: string, url: string, contentType: string) => ({ method, headers: { 'content-type': contentType }, routeOptions: { url } });
const UPLOAD = '/practices/:practiceId/charts/:chartId/files';

describe('acceptsMultipart', () => {
  it('takes multipart/form-data on the upload route only', () => {
    expect(acceptsMultipart(request('POST', UPLOAD, 'multipart/form-data; boundary=x'))).toBe(true);
    expect(acceptsMultipart(request('POST', UPLOAD, 'Multipart/Form-Data; boundary=x'))).toBe(true);
    expect(acceptsMultipart(request('POST', '/practices/:practiceId/clients', 'multipart/form-data; boundary=x'))).toBe(false);
    expect(acceptsMultipart(request('GET', UPLOAD, 'multipart/form-data; boundary=x'))).toBe(false);
  });

  it('leaves any other body on the upload route to the JSON checks', () => {
    expect(acceptsMultipart(request('POST', UPLOAD, 'application/json'))).toBe(false);
    expect(acceptsMultipart(request('POST', UPLOAD, 'multipart/mixed; boundary=x'))).toBe(false);
  });
});
