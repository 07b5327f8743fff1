import {
	fileType,
	MMS_FILE_TYPES,
	messageLength,
	validTimeZone,
	validValidity,
} from '../../../../nodes/shared/smsc/rules';
import { decodeHlr } from '../../../../nodes/shared/smsc/hlr';

describe('validValidity: 1 to 24 hours, or hh:mm from 00:01 to 24:00', () => {
	it.each(['1', '24', '00:01', '0:05', '24:00', '12:30'])('accepts %s', (raw) =>
		expect(validValidity(raw)).toBe(true),
	);
	it.each(['0', '25', '00:00', '24:01', '1:60', '1.5', '', 'x'])('refuses %s', (raw) =>
		expect(validValidity(raw)).toBe(false),
	);
});

describe('validTimeZone: hours from Moscow, -15 to 11', () => {
	it.each(['-15', '0', '+3', '11', '2.5'])('accepts %s', (raw) =>
		expect(validTimeZone(raw)).toBe(true),
	);
	it.each(['-16', '12', 'UTC', '', '1e1'])('refuses %s', (raw) =>
		expect(validTimeZone(raw)).toBe(false),
	);
});

describe('messageLength', () => {
	it('counts characters, not UTF-16 units', () => {
		expect(messageLength('😀a')).toBe(2);
		expect('😀a'.length).toBe(3);
	});
});

describe('decodeHlr', () => {
	it('decodes urlencoded text values and leaves plain ones', () => {
		expect(
			decodeHlr({ imsi: '250019999999999', net: 'Beeline+%26+Co', cn: 'Russia', mcc: '250' }),
		).toEqual({
			imsi: '250019999999999',
			net: 'Beeline & Co',
			cn: 'Russia',
			mcc: '250',
		});
		expect(decodeHlr({ status: '1' })).toBeUndefined();
	});
});

describe("fileType: the extension SMSC's MMS list names", () => {
	it("takes the file name's extension, lower case, jpeg as jpg, else n8n's fileExtension", () => {
		expect(fileType('Photo.JPEG')).toBe('jpg');
		expect(fileType('clip.3gp')).toBe('3gp');
		expect(fileType('recording', 'mp3')).toBe('mp3');
		expect(fileType('README')).toBe('');
		// the page's list: "text (txt), images (jpg, gif, png), music (wav, amr, mp3, mid) and video (mp4, 3gp)"
		expect(MMS_FILE_TYPES).toEqual('txt jpg gif png wav amr mp3 mid mp4 3gp'.split(' '));
	});
});
