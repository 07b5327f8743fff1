import { parseTrailingJson } from '../../e2e/lib/n8n';

describe("parseTrailingJson (what `n8n execute --rawOutput` printed)", () => {
	const document = { status: 'success', finished: true, data: { runData: { Send: [{ items: [{ id: 1 }] }] } } };
	const pretty = JSON.stringify(document, null, 2);

	it('finds the document after n8n start-up lines', () => {
		expect(parseTrailingJson(`n8n Task Broker ready on 127.0.0.1\n[license SDK] Skipping renewal\n${pretty}\n\n`)).toEqual(document);
	});

	it('finds the document when a late log line follows it (2.41 under load)', () => {
		const text = `Registered runner "JS Task Runner" (a)\n${pretty}\nRegistered runner "JS Task Runner" (b) \n\n`;
		expect(parseTrailingJson(text)).toEqual(document);
	});

	it('reads a document printed on one line, and gives undefined when there is none', () => {
		expect(parseTrailingJson(`started\n${JSON.stringify(document)}\n`)).toEqual(document);
		expect(parseTrailingJson('started\n{ not json\nstopped\n')).toBeUndefined();
	});
});
