/** Agent console texts (state bar, offers, calls, wrap-up): Chinese and English, key for key. */
export const consoleZh = {
	title: '坐席工作台'
};

export const consoleEn: typeof consoleZh = {
	title: 'Agent desk'
};
