import { escapeHtml, questionPage, recordedPage } from '../../../../nodes/Smsc/sendAndWait/page';

const approval = {
	message: 'Approve?',
	responseType: 'approval' as const,
	approvalType: 'double' as const,
	approveLabel: 'Yes',
	declineLabel: 'No',
};

describe('send-and-wait pages', () => {
	it('escapes the five HTML characters', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
		);
	});

	it('escapes the question, the labels and the error it echoes', () => {
		const html = questionPage(
			{
				...approval,
				message: '<img src=x>',
				approveLabel: '"><script>',
				declineLabel: '</button>',
			},
			'<b>',
		);
		expect(html).not.toMatch(/<img|<script|<\/button><\/button>|<b>/);
		expect(html).toContain('&lt;img src=x&gt;');
		expect(html).toContain('&quot;&gt;&lt;script&gt;');
		expect(html).toContain('<p class="error">&lt;b&gt;</p>');
	});

	it('posts back to its own address and loads nothing from elsewhere', () => {
		for (const html of [
			questionPage(approval),
			questionPage({ ...approval, responseType: 'freeText' }),
			recordedPage(),
		]) {
			expect(html).not.toMatch(/<script|\ssrc=|\shref=|<link|url\(|action=/);
			expect(html).toContain(
				'<meta name="viewport" content="width=device-width, initial-scale=1">',
			);
		}
		expect(questionPage(approval)).toContain('<form method="post">');
	});

	it('shows one button for Approve Only, two for Approve and Decline, a text box for Free Text', () => {
		const count = (html: string) => html.match(/<button/g)?.length ?? 0;
		expect(count(questionPage({ ...approval, approvalType: 'single' }))).toBe(1);
		expect(count(questionPage(approval))).toBe(2);
		const text = questionPage({ ...approval, responseType: 'freeText' });
		expect(text).toContain('<textarea name="text" required');
		expect(count(text)).toBe(1);
	});
});
