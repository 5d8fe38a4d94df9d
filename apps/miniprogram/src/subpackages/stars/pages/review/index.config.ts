export default definePageConfig({ navigationBarTitleText: '评星审核' });
