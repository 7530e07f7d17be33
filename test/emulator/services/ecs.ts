/** ECS v1: `cloudservers/detail`, the servers CSBS backs up. `offset` is a page number from 1. */
import { nestedErrorStyle, ok, type ServiceDefinition } from '../http';
import { fieldEquals, nameContains, select, slice } from '../paging';

export const ecs: ServiceDefinition = {
  name: 'ecs',
  errors: nestedErrorStyle({ badRequest: 'Ecs.0005', notFound: 'Ecs.0114', internal: 'Ecs.0000' }),
  routes: [
    {
      pattern: '/v1/{project_id}/cloudservers/detail',
      handle({ query, data }) {
        const page = query.int('offset', { min: 1, fallback: 1 });
        const limit = query.int('limit', { min: 1, max: 1000, fallback: 25 });
        const matches = select(
          data.ecs.servers,
          [nameContains(query.string('name')), fieldEquals('status', query.string('status'))],
          query.filterKey('offset', 'limit'),
        );
        return ok({ count: matches.length, servers: slice(matches, (page - 1) * limit, limit) });
      },
    },
  ],
};
