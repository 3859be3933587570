/**
 * The employer development list page for coordinators (desktop): the pipeline's figures, the
 * demand-without-supply table for a prefecture, the firms filtered by stage, prefecture and owner
 * with the next action soonest first, and the form to add a firm.
 */
import { JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import type { AppEnv } from '../../http/env.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type Option,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../web/form-fields.tsx';
import type { FieldErrors, FormValues } from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import { type Pipeline, PROSPECT_STAGES, type Prospect } from './prospect.schemas.ts';
import { tradeLabels } from './prospect.view.tsx';

/** N of the demand table on the page: fewer fitting roles than this in reach. */
export const DEMAND_MIN_ROLES = 3;

function PipelineTable(props: { view: View; pipeline: Pipeline }) {
  const w = props.view.m.outreach.prospects;
  return (
    <table>
      <caption>{w.pipeline}</caption>
      <thead>
        <tr>
          <th scope="col">{w.stage}</th>
          <th scope="col">{w.now}</th>
          <th scope="col">{w.reached}</th>
          <th scope="col">{w.conversion}</th>
          <th scope="col">{w.days}</th>
        </tr>
      </thead>
      <tbody>
        {props.pipeline.stages.map((s) => (
          <tr>
            <th scope="row">{w.stages[s.stage]}</th>
            <td>{s.now}</td>
            <td>{s.reached}</td>
            <td>{s.conversion === null ? '—' : `${Math.round(s.conversion * 100)}%`}</td>
            <td>{s.medianDaysInStage === null ? '—' : w.daysValue(s.medianDaysInStage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Demand = Awaited<ReturnType<AppEnv['Variables']['services']['prospects']['demand']>>;

function DemandTable(props: { view: View; demand: Demand | undefined }) {
  const { view, demand } = props;
  const w = view.m.outreach.prospects;
  return (
    <section aria-labelledby="demand">
      <h2 id="demand">{w.demand}</h2>
      <p class="meta">{w.demandLead(demand?.minRoles ?? DEMAND_MIN_ROLES)}</p>
      {!demand ? (
        <p class="empty">{w.demandPick}</p>
      ) : demand.items.length === 0 ? (
        <p class="empty">{w.demandNone}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{w.area}</th>
              <th scope="col">{w.trades}</th>
              <th scope="col">{w.members}</th>
              <th scope="col">{w.rolesInReach}</th>
            </tr>
          </thead>
          <tbody>
            {demand.items.slice(0, 50).map((row) => (
              <tr>
                <td>{row.areaName}</td>
                <td>{tradeLabels(view, [row.trade])}</td>
                <td>{row.members}</td>
                <td>{row.roles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ProspectsPage(props: {
  view: View;
  prospects: Prospect[];
  pipeline: Pipeline;
  demand: Demand | undefined;
  prefectures: Option[];
  owners: Option[];
  filter: FormValues;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { view, values, errors } = props;
  const w = view.m.outreach.prospects;
  const stageOptions = PROSPECT_STAGES.map((s) => ({ value: s, label: w.stages[s] }));
  return (
    <>
      <h1>{w.title}</h1>
      <p class="meta">{w.lead}</p>
      <PipelineTable view={view} pipeline={props.pipeline} />
      <form method="get" action="/coordinator/prospects" class="filters two">
        <SelectField
          name="stage"
          label={w.stage}
          options={stageOptions}
          placeholder={w.any}
          values={props.filter}
          errors={{}}
        />
        <SelectField
          name="prefCode"
          label={w.prefecture}
          options={props.prefectures}
          placeholder={w.any}
          values={props.filter}
          errors={{}}
        />
        <SelectField
          name="ownerId"
          label={w.owner}
          options={props.owners}
          placeholder={w.any}
          values={props.filter}
          errors={{}}
        />
        <button type="submit" class="button secondary">
          {w.filter}
        </button>
      </form>
      <DemandTable view={view} demand={props.demand} />
      <div class="columns">
        <section aria-labelledby="prospect-list">
          <h2 id="prospect-list">{w.title}</h2>
          {props.prospects.length === 0 ? (
            <p class="empty">{w.none}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{w.company}</th>
                  <th scope="col">{w.area}</th>
                  <th scope="col">{w.trades}</th>
                  <th scope="col">{w.stage}</th>
                  <th scope="col">{w.owner}</th>
                  <th scope="col">{w.nextAction}</th>
                </tr>
              </thead>
              <tbody>
                {props.prospects.map((p) => (
                  <tr>
                    <td>
                      <a href={`/coordinator/prospects/${p.id}`}>{p.company}</a>
                    </td>
                    <td>{p.area.name}</td>
                    <td>{tradeLabels(view, p.trades)}</td>
                    <td>{w.stages[p.stage]}</td>
                    <td>{p.owner.name}</td>
                    <td>{p.nextActionOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card" aria-labelledby="new-prospect">
          <h2 id="new-prospect">{w.newProspect}</h2>
          <ErrorSummary view={view} errors={errors} />
          <PostForm view={view} action="/coordinator/prospects">
            <TextField
              name="company"
              label={w.company}
              maxlength={120}
              values={values}
              errors={errors}
              required
            />
            <SelectField
              name="place.prefCode"
              label={w.prefecture}
              options={props.prefectures}
              placeholder=""
              values={values}
              errors={errors}
              required
            />
            <TextField name="place.name" label={w.municipality} values={values} errors={errors} required />
            <ChoiceGroup
              name="trades"
              label={w.trades}
              options={Object.keys(JOB_CATEGORIES).map((k) => ({
                value: k,
                label: labelOf(JOB_CATEGORIES, k, view.lang),
              }))}
              values={values}
              errors={errors}
              multiple
              required
            />
            <TextField name="contact" label={w.contact} maxlength={200} values={values} errors={errors} />
            <TextField
              name="source"
              label={w.source}
              hint={w.sourceHint}
              maxlength={200}
              values={values}
              errors={errors}
              required
            />
            <SelectField
              name="ownerId"
              label={w.owner}
              options={props.owners}
              values={values}
              errors={errors}
            />
            <TextField name="nextActionOn" type="date" label={w.nextAction} values={values} errors={errors} />
            <SubmitButton label={w.add} />
          </PostForm>
        </section>
      </div>
    </>
  );
}

/** The invitation card: the link just made (shown once), or the button to make one, or the link to the organisation. */
