/** Caller texts (booth kiosk and mobile page): Chinese and English, key for key. */
export const callerZh = {
	title: '政务晓屋 · 云窗口'
};

export const callerEn: typeof callerZh = {
	title: 'Government service booth · cloud window'
};
