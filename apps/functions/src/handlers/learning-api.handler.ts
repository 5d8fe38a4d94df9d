import { learningFeature } from '../features/learning/learning.feature';
import { newsFeature } from '../features/news/news.feature';
import { createApiHandler } from './api-function';

export const handler = createApiHandler('learning', { learning: learningFeature, news: newsFeature });
