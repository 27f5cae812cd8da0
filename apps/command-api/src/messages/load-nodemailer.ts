import type nodemailer from 'nodemailer';

let loaded: typeof nodemailer | undefined;

/**
 * nodemailer, loaded when a transport is first made (the .eml transport: with its first message), not
 * when the server starts: about 0.09 s of a start's CPU (issue 14, P6).
 */
export const loadNodemailer = (): typeof nodemailer =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (loaded ??= require('nodemailer') as typeof nodemailer);
