/** IAM project look-up by region name: `GET /v3/projects?name={region}`. */
import { nestedErrorStyle, ok, type ServiceDefinition } from '../http';

export const iam: ServiceDefinition = {
  name: 'iam',
  errors: nestedErrorStyle({ badRequest: '1100', notFound: '1101', internal: '1000' }),
  routes: [
    {
      pattern: '/v3/projects',
      handle({ query, data }) {
        const name = query.string('name');
        const projects = data.projects.filter((project) => name === undefined || project.name === name);
        return ok({ projects, links: { self: 'https://iam.myhuaweicloud.com/v3/projects', previous: null, next: null } });
      },
    },
  ],
};
