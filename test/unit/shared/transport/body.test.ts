import { multipartBody, withSecrets } from '../../../../nodes/shared/transport/body';
import { parseParams } from '../../../emulator/params';

describe('multipartBody', () => {
	it('writes text fields as UTF-8, bytes as they are and files with name and type, readable by a multipart parser', () => {
		const file = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
		const { body, contentType } = multipartBody(
			{ phones: '+79991234567', mes: 'Привет', raw: Buffer.from([0x80, 0x81]) },
			[
				{
					field: 'file0',
					fileName: 'a "quoted"\r\nname.png',
					contentType: 'image/png',
					bytes: file,
				},
			],
		);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=-{4}SmscFormBoundary\w+$/);
		const parsed = parseParams('', body, `${contentType}`);
		expect(parsed.bodyKind).toBe('multipart');
		expect(parsed.params).toMatchObject({
			phones: '+79991234567',
			'file:file0': 'a %22quoted%22  name.png',
		});
		expect(parsed.raw.mes.toString('utf8')).toBe('Привет');
		expect(parsed.raw.raw).toEqual(Buffer.from([0x80, 0x81]));
		expect(parsed.files).toEqual([
			{
				field: 'file0',
				filename: 'a %22quoted%22  name.png',
				contentType: 'image/png',
				bytes: file,
			},
		]);
	});
});

describe('withSecrets', () => {
	const secrets = { login: 'shop', psw: 'p&ss wörd' };
	it('adds the secrets as parts of their own to a multipart body, readable by a multipart parser', () => {
		const { body, contentType } = multipartBody({ mes: 'Hi', charset: 'utf-8' }, [
			{ field: 'file0', fileName: 'a.png', contentType: 'image/png', bytes: Buffer.from([1, 2]) },
		]);
		const signed = withSecrets(
			{ url: '/sys/send.php', headers: { 'Content-Type': contentType }, body },
			secrets,
		);
		const parsed = parseParams('', signed.body as Buffer, contentType);
		expect(parsed.params).toMatchObject({ mes: 'Hi', login: 'shop', psw: 'p&ss wörd' });
		expect(parsed.files).toHaveLength(1);
	});
	it('appends them to a urlencoded text and adds them to a form object, never to the URL', () => {
		const text = withSecrets({ url: '/sys/send.php', body: 'mes=%80' }, secrets);
		expect(text.body).toBe('mes=%80&login=shop&psw=p%26ss+w%C3%B6rd');
		const form = withSecrets({ url: '/sys/balance.php', body: { fmt: 3 } }, secrets);
		expect(form).toEqual({ url: '/sys/balance.php', body: { fmt: 3, ...secrets } });
	});
});
