/** Words of the coordinator pages. */
export const coordinatorJa = {
  title: 'coordinator',
};

export const coordinatorEn: typeof coordinatorJa = {
  title: 'coordinator',
};
