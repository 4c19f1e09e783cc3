/** Texts of the sign-language interpreter's release (agent desk) and leaving (caller screen). */
export const interpreterZh = {
	release: '请手语翻译离开',
	releaseTitle: '请手语翻译离开通话？',
	releaseText:
		'手语翻译 {{name}} 将退出本次通话，市民的屏幕会显示提示。之后如有需要，可以再次邀请。',
	releaseYes: '确认请其离开',
	keep: '继续保留',
	callerLeft: '手语翻译已离开通话',
	transferring: '正在转接给其他坐席，请留在本页，接通后继续翻译'
};

export const interpreterEn: typeof interpreterZh = {
	release: 'Release the interpreter',
	releaseTitle: 'Release the sign-language interpreter?',
	releaseText:
		'Interpreter {{name}} leaves this call and the caller’s screen says so. You can ask for an interpreter again later.',
	releaseYes: 'Yes, release them',
	keep: 'Keep the interpreter',
	callerLeft: 'The sign-language interpreter has left the call',
	transferring:
		'The call is being handed to a colleague: stay on this page and go on interpreting once they answer'
};
