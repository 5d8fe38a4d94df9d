export default definePageConfig({ navigationBarTitleText: '十佳百优' });
