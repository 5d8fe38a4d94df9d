export default definePageConfig({ navigationBarTitleText: '星级公示' });
